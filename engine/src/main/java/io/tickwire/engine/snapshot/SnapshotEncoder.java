package io.tickwire.engine.snapshot;

import io.tickwire.engine.ecs.ComponentType;
import io.tickwire.engine.ecs.Entity;
import io.tickwire.engine.ecs.Field;
import io.tickwire.engine.ecs.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.msgpack.core.MessagePacker;

/**
 * Writes the difference between two {@link ReplicatedState}s as one msgpack value (format in
 * {@link io.tickwire.engine.snapshot package-info}); against an empty base this is a full snapshot.
 * The two states are walked in key order four times (count, then each section), so nothing is allocated.
 *
 * <p>Not thread-safe; one per world, used on its loop thread. Field kinds come from the world the states were
 * captured from. Throws {@link UncheckedIOException} only if the packer's output fails.
 */
public final class SnapshotEncoder {
    private static final int COUNT = 0;
    private static final int REMOVED_ENTITIES = 1;
    private static final int REMOVED_COMPONENTS = 2;
    private static final int CHANGED = 3;

    private final World schema;
    private final ReplicatedState none = new ReplicatedState();
    private ReplicatedState base;
    private ReplicatedState current;
    private MessagePacker out;
    private int mode;
    private int removedEntities;
    private int removedComponents;
    private int changed;

    /** @param schema the world whose component ids the states use */
    public SnapshotEncoder(World schema) {
        this.schema = schema;
    }

    /**
     * Writes {@code current} as a delta against {@code base}, or as a full snapshot if {@code base} is null.
     * Both must have been captured from the schema world.
     */
    public void write(ReplicatedState base, ReplicatedState current, MessagePacker out) {
        this.base = base == null ? none : base;
        this.current = current;
        this.out = out;
        try {
            mode = COUNT;
            removedEntities = 0;
            removedComponents = 0;
            changed = 0;
            walk();
            out.packArrayHeader(5);
            out.packLong(current.tick());
            out.packLong(base == null ? -1 : base.tick());
            out.packArrayHeader(removedEntities);
            mode = REMOVED_ENTITIES;
            walk();
            out.packArrayHeader(removedComponents * 2);
            mode = REMOVED_COMPONENTS;
            walk();
            out.packArrayHeader(changed);
            mode = CHANGED;
            walk();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            this.base = null;
            this.current = null;
            this.out = null;
        }
    }

    private void walk() throws IOException {
        ReplicatedState b = base;
        ReplicatedState c = current;
        int i = 0;
        int j = 0;
        while (i < b.recordCount() || j < c.recordCount()) {
            int slotB = i < b.recordCount() ? Entity.index(b.entity(i)) : Integer.MAX_VALUE;
            int slotC = j < c.recordCount() ? Entity.index(c.entity(j)) : Integer.MAX_VALUE;
            if (slotB < slotC || (slotB == slotC && b.entity(i) != c.entity(j))) {
                int gone = b.entity(i);
                removedEntity(gone);
                while (i < b.recordCount() && b.entity(i) == gone) {
                    i++;
                }
                continue;
            }
            if (slotC < slotB) {
                int added = c.entity(j);
                while (j < c.recordCount() && c.entity(j) == added) {
                    changedRecord(j++, -1);
                }
                continue;
            }
            int entity = c.entity(j);
            while (i < b.recordCount() && b.entity(i) == entity || j < c.recordCount() && c.entity(j) == entity) {
                int idB = i < b.recordCount() && b.entity(i) == entity ? b.componentId(i) : Integer.MAX_VALUE;
                int idC = j < c.recordCount() && c.entity(j) == entity ? c.componentId(j) : Integer.MAX_VALUE;
                if (idB < idC) {
                    removedComponent(entity, idB);
                    i++;
                } else if (idC < idB) {
                    changedRecord(j++, -1);
                } else {
                    int mask = 0;
                    for (int f = 0, n = c.valueCount(j); f < n; f++) {
                        if (b.value(i, f) != c.value(j, f)) {
                            mask |= 1 << f;
                        }
                    }
                    if (mask != 0) {
                        changedRecord(j, mask);
                    }
                    i++;
                    j++;
                }
            }
        }
    }

    private void removedEntity(int entity) throws IOException {
        if (mode == COUNT) {
            removedEntities++;
        } else if (mode == REMOVED_ENTITIES) {
            out.packInt(entity);
        }
    }

    private void removedComponent(int entity, int componentId) throws IOException {
        if (mode == COUNT) {
            removedComponents++;
        } else if (mode == REMOVED_COMPONENTS) {
            out.packInt(entity);
            out.packInt(componentId);
        }
    }

    /** {@code mask} -1 means every field (a component new to the client). */
    private void changedRecord(int record, int mask) throws IOException {
        if (mode == COUNT) {
            changed++;
            return;
        }
        if (mode != CHANGED) {
            return;
        }
        ReplicatedState c = current;
        int fields = c.valueCount(record);
        int fieldMask = mask == -1 ? (int) ((1L << fields) - 1) : mask;
        out.packArrayHeader(3 + Integer.bitCount(fieldMask));
        out.packInt(c.entity(record));
        out.packInt(c.componentId(record));
        out.packInt(fieldMask);
        ComponentType type = schema.componentType(c.componentId(record));
        for (int f = 0; f < fields; f++) {
            if ((fieldMask & (1 << f)) != 0) {
                packValue(type.field(f), c.value(record, f));
            }
        }
    }

    private void packValue(Field field, long bits) throws IOException {
        switch (field.kind()) {
            case INT -> out.packInt((int) bits);
            case LONG -> out.packLong(bits);
            case FLOAT -> out.packFloat(Float.intBitsToFloat((int) bits));
            case DOUBLE -> out.packDouble(Double.longBitsToDouble(bits));
        }
    }
}
