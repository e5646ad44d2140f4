package io.tickwire.engine.ecs;

import java.util.Arrays;

/**
 * The table of all entities that have exactly the same set of components: one column per field, rows dense
 * from 0 to {@link #size()}. Systems iterate it by index over primitive arrays, which is why a two-component
 * loop runs at memory speed (see {@code benchmarks/RESULTS.md}, "Engine").
 *
 * <p>Loop thread only. Column arrays are replaced when the table grows, so fetch them each tick (for example
 * at the start of a system's {@code update}) and never keep them across structural changes.
 */
public final class Archetype {
    private static final int INITIAL_CAPACITY = 64;

    final long mask;
    private final ComponentRegistry registry;
    private final int[] bits;
    private final ComponentColumns[] columnsByBit = new ComponentColumns[ComponentRegistry.MAX_TYPES];
    final Archetype[] addEdges = new Archetype[ComponentRegistry.MAX_TYPES];
    final Archetype[] removeEdges = new Archetype[ComponentRegistry.MAX_TYPES];
    private int[] entities = new int[INITIAL_CAPACITY];
    private int size;

    Archetype(long mask, ComponentRegistry registry) {
        this.mask = mask;
        this.registry = registry;
        this.bits = new int[Long.bitCount(mask)];
        int n = 0;
        for (int bit = 0; bit < ComponentRegistry.MAX_TYPES; bit++) {
            if ((mask & (1L << bit)) != 0) {
                bits[n++] = bit;
                columnsByBit[bit] = new ComponentColumns(registry.typeAt(bit), INITIAL_CAPACITY);
            }
        }
    }

    /** Number of entities (rows) in this table. */
    public int size() {
        return size;
    }

    /** Entity handles by row; valid for rows below {@link #size()}. Do not modify. */
    public int[] entities() {
        return entities;
    }

    /** Whether entities in this table have {@code type}. */
    public boolean has(ComponentType type) {
        int bit = registry.bitOf(type);
        return bit >= 0 && (mask & (1L << bit)) != 0;
    }

    /** The column of {@code field} (indexed by row); throws {@link IllegalArgumentException} if absent. */
    public int[] ints(IntField field) {
        return columns(field).ints[field.kindIndex()];
    }

    /** The column of {@code field} (indexed by row); throws {@link IllegalArgumentException} if absent. */
    public long[] longs(LongField field) {
        return columns(field).longs[field.kindIndex()];
    }

    /** The column of {@code field} (indexed by row); throws {@link IllegalArgumentException} if absent. */
    public float[] floats(FloatField field) {
        return columns(field).floats[field.kindIndex()];
    }

    /** The column of {@code field} (indexed by row); throws {@link IllegalArgumentException} if absent. */
    public double[] doubles(DoubleField field) {
        return columns(field).doubles[field.kindIndex()];
    }

    ComponentColumns columns(Field field) {
        int bit = registry.bitOf(field.type());
        ComponentColumns columns = bit < 0 ? null : columnsByBit[bit];
        if (columns == null) {
            throw new IllegalArgumentException("archetype has no component " + field.type() + " (field " + field + ")");
        }
        return columns;
    }

    ComponentColumns columnsAt(int bit) {
        return columnsByBit[bit];
    }

    /** Component bits in ascending order. */
    int[] bits() {
        return bits;
    }

    /** Appends {@code entity} with zeroed fields; returns its row. */
    int addRow(int entity) {
        if (size == entities.length) {
            int capacity = entities.length * 2;
            entities = Arrays.copyOf(entities, capacity);
            for (int bit : bits) {
                columnsByBit[bit].grow(capacity);
            }
        }
        for (int bit : bits) {
            columnsByBit[bit].clearRow(size);
        }
        entities[size] = entity;
        return size++;
    }

    /**
     * Removes {@code row} by moving the last row into it; returns the entity that moved into {@code row},
     * or -1 if {@code row} was the last one.
     */
    int removeRow(int row) {
        int last = --size;
        if (row == last) {
            return -1;
        }
        int moved = entities[last];
        entities[row] = moved;
        for (int bit : bits) {
            ComponentColumns columns = columnsByBit[bit];
            columns.copyRow(last, columns, row);
        }
        return moved;
    }

    void ensureCapacity(int capacity) {
        if (capacity > entities.length) {
            entities = Arrays.copyOf(entities, capacity);
            for (int bit : bits) {
                columnsByBit[bit].grow(capacity);
            }
        }
    }
}
