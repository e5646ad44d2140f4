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
 * The two states are walked once in key order, each section packed into its own reusable buffer, so that the
 * array headers (which msgpack puts before the items) can be written with their counts before the bytes are
 * appended. Nothing is allocated once the buffers have grown to the largest snapshot.
 *
 * <p>Not thread-safe; one per world, used on its loop thread. Field kinds come from the world the states were
 * captured from. Throws {@link UncheckedIOException} only if the packer's output fails.
 */
public final class SnapshotEncoder {
    private final World schema;
    private final ReplicatedState none = new ReplicatedState();
    private final PackBuffer removedEntitySection = new PackBuffer(256);
    private final PackBuffer removedComponentSection = new PackBuffer(256);
    private final PackBuffer changedSection = new PackBuffer(4096);
    private MessagePacker removedEntityOut;
    private MessagePacker removedComponentOut;
    private MessagePacker changedOut;
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
        try {
            removedEntityOut = removedEntitySection.begin().packer();
            removedComponentOut = removedComponentSection.begin().packer();
            changedOut = changedSection.begin().packer();
            removedEntities = 0;
            removedComponents = 0;
            changed = 0;
            walk(base == null ? none : base, current);
            out.packArrayHeader(5);
            out.packLong(current.tick());
            out.packLong(base == null ? -1 : base.tick());
            out.packArrayHeader(removedEntities);
            append(removedEntitySection.finish(), out);
            out.packArrayHeader(removedComponents * 2);
            append(removedComponentSection.finish(), out);
            out.packArrayHeader(changed);
            append(changedSection.finish(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void append(PackBuffer section, MessagePacker out) throws IOException {
        if (section.length() > 0) {
            out.writePayload(section.array(), 0, section.length());
        }
    }

    private void walk(ReplicatedState b, ReplicatedState c) throws IOException {
        int baseCount = b.recordCount();
        int currentCount = c.recordCount();
        int i = 0;
        int j = 0;
        while (i < baseCount || j < currentCount) {
            int slotB = i < baseCount ? Entity.index(b.entity(i)) : Integer.MAX_VALUE;
            int slotC = j < currentCount ? Entity.index(c.entity(j)) : Integer.MAX_VALUE;
            if (slotB < slotC || (slotB == slotC && b.entity(i) != c.entity(j))) {
                int gone = b.entity(i);
                removedEntityOut.packInt(gone);
                removedEntities++;
                while (i < baseCount && b.entity(i) == gone) {
                    i++;
                }
                continue;
            }
            if (slotC < slotB) {
                int added = c.entity(j);
                while (j < currentCount && c.entity(j) == added) {
                    changedRecord(c, j++, -1);
                }
                continue;
            }
            int entity = c.entity(j);
            while (i < baseCount && b.entity(i) == entity || j < currentCount && c.entity(j) == entity) {
                int idB = i < baseCount && b.entity(i) == entity ? b.componentId(i) : Integer.MAX_VALUE;
                int idC = j < currentCount && c.entity(j) == entity ? c.componentId(j) : Integer.MAX_VALUE;
                if (idB < idC) {
                    removedComponentOut.packInt(entity);
                    removedComponentOut.packInt(idB);
                    removedComponents++;
                    i++;
                } else if (idC < idB) {
                    changedRecord(c, j++, -1);
                } else {
                    int mask = 0;
                    for (int f = 0, n = c.valueCount(j); f < n; f++) {
                        if (b.value(i, f) != c.value(j, f)) {
                            mask |= 1 << f;
                        }
                    }
                    if (mask != 0) {
                        changedRecord(c, j, mask);
                    }
                    i++;
                    j++;
                }
            }
        }
    }

    /** {@code mask} -1 means every field (a component new to the client). */
    private void changedRecord(ReplicatedState c, int record, int mask) throws IOException {
        MessagePacker out = changedOut;
        int fields = c.valueCount(record);
        int fieldMask = mask == -1 ? (int) ((1L << fields) - 1) : mask;
        out.packArrayHeader(3 + Integer.bitCount(fieldMask));
        out.packInt(c.entity(record));
        out.packInt(c.componentId(record));
        out.packInt(fieldMask);
        ComponentType type = schema.componentType(c.componentId(record));
        for (int f = 0; f < fields; f++) {
            if ((fieldMask & (1 << f)) != 0) {
                packValue(out, type.field(f), c.value(record, f));
            }
        }
        changed++;
    }

    private static void packValue(MessagePacker out, Field field, long bits) throws IOException {
        switch (field.kind()) {
            case INT -> out.packInt((int) bits);
            case LONG -> out.packLong(bits);
            case FLOAT -> out.packFloat(Float.intBitsToFloat((int) bits));
            case DOUBLE -> out.packDouble(Double.longBitsToDouble(bits));
        }
    }
}
