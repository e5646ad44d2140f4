package io.tickwire.engine.snapshot;

import io.tickwire.engine.ecs.Entity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessageUnpacker;

/**
 * The client side of {@link SnapshotEncoder}: rebuilds the server's {@link ReplicatedState} from a full
 * snapshot, or from a delta plus the state at its base tick. Needs no component definitions: float32,
 * float64 and integer values map back to the same raw bits the server captured. Used by Java clients (bots,
 * tests) and as the executable definition of the wire format.
 *
 * <p>Not thread-safe; reuse one per client.
 */
public final class SnapshotDecoder {
    private int[] removedEntities = new int[16];
    private int[] removedComponents = new int[32];

    /**
     * Reads one snapshot from {@code in} into {@code out}.
     *
     * @param base the state at the snapshot's base tick; ignored for a full snapshot, may be null then
     * @throws IllegalArgumentException if the snapshot is a delta and {@code base} is not at its base tick
     * @throws UncheckedIOException if the input is not a snapshot
     */
    public void decode(ReplicatedState base, MessageUnpacker in, ReplicatedState out) {
        try {
            if (in.unpackArrayHeader() != 5) {
                throw new IOException("a snapshot is an array of 5");
            }
            long tick = in.unpackLong();
            long baseTick = in.unpackLong();
            ReplicatedState from = base;
            if (baseTick == -1) {
                from = null;
            } else if (base == null || base.tick() != baseTick) {
                throw new IllegalArgumentException("delta against tick " + baseTick + " but the base given is at tick "
                        + (base == null ? "none" : base.tick()));
            }
            int removedEntityCount = in.unpackArrayHeader();
            removedEntities = ensure(removedEntities, removedEntityCount);
            for (int r = 0; r < removedEntityCount; r++) {
                removedEntities[r] = in.unpackInt();
            }
            int removedComponentInts = in.unpackArrayHeader();
            removedComponents = ensure(removedComponents, removedComponentInts);
            for (int r = 0; r < removedComponentInts; r++) {
                removedComponents[r] = in.unpackInt();
            }
            out.clear(tick);
            merge(from, removedEntityCount, removedComponentInts, in.unpackArrayHeader(), in, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void merge(ReplicatedState base, int removedEntityCount, int removedComponentInts, int changedCount,
            MessageUnpacker in, ReplicatedState out) throws IOException {
        int baseCount = base == null ? 0 : base.recordCount();
        int i = 0;
        int p = 0;
        int q = 0;
        int k = 0;
        boolean pending = false;
        int entity = 0;
        int componentId = 0;
        int mask = 0;
        while (i < baseCount || k < changedCount || pending) {
            if (!pending && k < changedCount) {
                in.unpackArrayHeader();
                entity = in.unpackInt();
                componentId = in.unpackInt();
                mask = in.unpackInt();
                pending = true;
                k++;
            }
            if (i < baseCount) {
                int baseEntity = base.entity(i);
                while (p < removedEntityCount && Entity.index(removedEntities[p]) < Entity.index(baseEntity)) {
                    p++;
                }
                if (p < removedEntityCount && removedEntities[p] == baseEntity) {
                    i++;
                    continue;
                }
                long baseKey = base.key(i);
                while (q < removedComponentInts
                        && ReplicatedState.key(removedComponents[q], removedComponents[q + 1]) < baseKey) {
                    q += 2;
                }
                if (q < removedComponentInts && removedComponents[q] == baseEntity
                        && removedComponents[q + 1] == base.componentId(i)) {
                    i++;
                    continue;
                }
            }
            long baseKey = i < baseCount ? base.key(i) : Long.MAX_VALUE;
            long changedKey = pending ? ReplicatedState.key(entity, componentId) : Long.MAX_VALUE;
            if (baseKey < changedKey) {
                out.copyRecord(base, i++);
            } else if (changedKey < baseKey) {
                out.component(entity, componentId);
                for (int f = 0, n = Integer.bitCount(mask); f < n; f++) {
                    out.value(unpackBits(in));
                }
                pending = false;
            } else {
                out.component(entity, componentId);
                for (int f = 0, n = base.valueCount(i); f < n; f++) {
                    out.value((mask & (1 << f)) != 0 ? unpackBits(in) : base.value(i, f));
                }
                i++;
                pending = false;
            }
        }
    }

    private static long unpackBits(MessageUnpacker in) throws IOException {
        MessageFormat format = in.getNextFormat();
        return switch (format) {
            case FLOAT32 -> Float.floatToRawIntBits(in.unpackFloat());
            case FLOAT64 -> Double.doubleToRawLongBits(in.unpackDouble());
            default -> in.unpackLong();
        };
    }

    private static int[] ensure(int[] array, int length) {
        return length <= array.length ? array : Arrays.copyOf(array, Math.max(length, array.length * 2));
    }
}
