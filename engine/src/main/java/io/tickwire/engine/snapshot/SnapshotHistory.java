package io.tickwire.engine.snapshot;

import io.tickwire.engine.ecs.World;
import org.msgpack.core.MessagePacker;

/**
 * A world's recent replicated states in a bounded ring (one per captured tick, oldest overwritten), and the
 * encoder that writes the latest one as a delta against whichever earlier tick a client acknowledged, or in
 * full when that tick has already left the ring. The states are preallocated and reused: capturing and
 * writing allocate nothing once they have grown to the world's size.
 *
 * <p>Loop thread only (the world's owner).
 */
public final class SnapshotHistory {
    private final World world;
    private final ReplicatedState[] ring;
    private final SnapshotEncoder encoder;
    private long captures;

    /** @param capacityTicks how many captured ticks a delta can refer back to (at least 1) */
    public SnapshotHistory(World world, int capacityTicks) {
        if (capacityTicks < 1) {
            throw new IllegalArgumentException("capacityTicks must be at least 1, got " + capacityTicks);
        }
        this.world = world;
        this.ring = new ReplicatedState[capacityTicks];
        for (int i = 0; i < capacityTicks; i++) {
            ring[i] = new ReplicatedState();
        }
        this.encoder = new SnapshotEncoder(world);
    }

    /** Records the world's replicated state as tick {@code tick}; ticks must increase between captures. */
    public ReplicatedState capture(long tick) {
        ReplicatedState latest = latest();
        if (latest != null && tick <= latest.tick()) {
            throw new IllegalArgumentException("tick " + tick + " is not after the last captured tick " + latest.tick());
        }
        ReplicatedState state = ring[(int) (captures % ring.length)];
        state.capture(world, tick);
        captures++;
        return state;
    }

    /** The most recent capture, or null before the first. */
    public ReplicatedState latest() {
        return captures == 0 ? null : ring[(int) ((captures - 1) % ring.length)];
    }

    /** The capture of {@code tick} if it is still in the ring, else null. */
    public ReplicatedState find(long tick) {
        for (int back = 0, n = (int) Math.min(captures, ring.length); back < n; back++) {
            ReplicatedState state = ring[(int) ((captures - 1 - back) % ring.length)];
            if (state.tick() == tick) {
                return state;
            }
        }
        return null;
    }

    /**
     * Writes the latest capture to {@code out}: as a delta against {@code baseTick} if that tick is still in
     * the ring, otherwise in full (pass -1 to ask for a full snapshot).
     *
     * @return true if a delta was written, false if a full snapshot was
     * @throws IllegalStateException if nothing has been captured yet
     */
    public boolean writeLatest(long baseTick, MessagePacker out) {
        ReplicatedState latest = latest();
        if (latest == null) {
            throw new IllegalStateException("no snapshot captured yet");
        }
        ReplicatedState base = baseTick < 0 ? null : find(baseTick);
        encoder.write(base, latest, out);
        return base != null;
    }
}
