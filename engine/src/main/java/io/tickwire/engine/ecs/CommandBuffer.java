package io.tickwire.engine.ecs;

import java.util.Arrays;

/**
 * Structural changes and field writes recorded while systems iterate, applied in recording order by the
 * world after the current system returns (so no archetype changes under an iterating loop). A command on
 * an entity that is no longer alive when applied (for example destroyed by an earlier command) is skipped.
 *
 * <p>Loop thread only. Not a cross-thread queue: it holds what one system records in one run and is emptied
 * when that system returns, so it grows (doubling) to the largest such batch and then allocates nothing.
 */
public final class CommandBuffer {
    private static final byte ADD = 1;
    private static final byte REMOVE = 2;
    private static final byte DESTROY = 3;
    private static final byte SET = 4;

    private byte[] ops;
    private int[] entities;
    private Object[] targets;
    private long[] values;
    private int size;

    CommandBuffer(int capacity) {
        ops = new byte[capacity];
        entities = new int[capacity];
        targets = new Object[capacity];
        values = new long[capacity];
    }

    /** Adds {@code type} (fields zeroed) to {@code entity}; no-op if it already has it. */
    public void add(int entity, ComponentType type) {
        record(ADD, entity, type, 0L);
    }

    /** Removes {@code type} from {@code entity}; no-op if it does not have it. */
    public void remove(int entity, ComponentType type) {
        record(REMOVE, entity, type, 0L);
    }

    /** Destroys {@code entity}. */
    public void destroy(int entity) {
        record(DESTROY, entity, null, 0L);
    }

    /**
     * Writes {@code field} when applied (after an add recorded earlier in the same buffer, it sets the new component).
     */
    public void setInt(int entity, IntField field, int value) {
        record(SET, entity, field, value);
    }

    /**
     * Writes {@code field} when applied (after an add recorded earlier in the same buffer, it sets the new component).
     */
    public void setLong(int entity, LongField field, long value) {
        record(SET, entity, field, value);
    }

    /**
     * Writes {@code field} when applied (after an add recorded earlier in the same buffer, it sets the new component).
     */
    public void setFloat(int entity, FloatField field, float value) {
        record(SET, entity, field, Float.floatToRawIntBits(value));
    }

    /**
     * Writes {@code field} when applied (after an add recorded earlier in the same buffer, it sets the new component).
     */
    public void setDouble(int entity, DoubleField field, double value) {
        record(SET, entity, field, Double.doubleToRawLongBits(value));
    }

    /** Number of recorded commands not yet applied. */
    public int size() {
        return size;
    }

    void apply(World world) {
        for (int i = 0; i < size; i++) {
            int entity = entities[i];
            if (!world.isAlive(entity)) {
                continue;
            }
            switch (ops[i]) {
                case ADD -> world.addNow(entity, (ComponentType) targets[i]);
                case REMOVE -> world.removeNow(entity, (ComponentType) targets[i]);
                case DESTROY -> world.destroyNow(entity);
                default -> world.setBits(entity, (Field) targets[i], values[i]);
            }
        }
        clear();
    }

    void clear() {
        Arrays.fill(targets, 0, size, null);
        size = 0;
    }

    private void record(byte op, int entity, Object target, long value) {
        if (size == ops.length) {
            int capacity = size * 2;
            ops = Arrays.copyOf(ops, capacity);
            entities = Arrays.copyOf(entities, capacity);
            targets = Arrays.copyOf(targets, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        ops[size] = op;
        entities[size] = entity;
        targets[size] = target;
        values[size] = value;
        size++;
    }
}
