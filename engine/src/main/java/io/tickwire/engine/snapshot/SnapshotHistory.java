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
    private static final int ENCODED_CACHE_SIZE = 4;

    private final World world;
    private final StateRing ring;
    private final SnapshotEncoder encoder;
    private final PackBuffer[] encoded = new PackBuffer[ENCODED_CACHE_SIZE];
    private final long[] encodedBaseTicks = new long[ENCODED_CACHE_SIZE];
    private int encodedCount;
    private int nextEviction;
    private long encodedForTick = -1;

    /** @param capacityTicks how many captured ticks a delta can refer back to (at least 1) */
    public SnapshotHistory(World world, int capacityTicks) {
        this.world = world;
        this.ring = new StateRing(capacityTicks);
        this.encoder = new SnapshotEncoder(world);
        for (int i = 0; i < ENCODED_CACHE_SIZE; i++) {
            encoded[i] = new PackBuffer(4096);
        }
    }

    /** Records the world's replicated state as tick {@code tick}; ticks must increase between captures. */
    public ReplicatedState capture(long tick) {
        ReplicatedState state = ring.next(tick);
        state.capture(world, tick);
        return state;
    }

    /** The most recent capture, or null before the first. */
    public ReplicatedState latest() {
        return ring.latest();
    }

    /** The capture of {@code tick} if it is still in the ring, else null. */
    public ReplicatedState find(long tick) {
        return ring.find(tick);
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

    /**
     * The latest capture encoded against {@code baseTick} (or in full when that tick has left the ring or is
     * -1), encoding it only once per distinct base: sending to many players, each with their own acknowledged
     * tick, costs one encoding per distinct acknowledged tick rather than one per player. The four most
     * recently used encodings of the latest capture are kept.
     *
     * @return a buffer owned by this history: use (copy) it before the next call, which may overwrite it
     * @throws IllegalStateException if nothing has been captured yet
     */
    public PackBuffer encodeLatest(long baseTick) {
        ReplicatedState latest = latest();
        if (latest == null) {
            throw new IllegalStateException("no snapshot captured yet");
        }
        ReplicatedState base = baseTick < 0 ? null : find(baseTick);
        long effectiveBase = base == null ? -1 : baseTick;
        if (encodedForTick != latest.tick()) {
            encodedForTick = latest.tick();
            encodedCount = 0;
        }
        for (int i = 0; i < encodedCount; i++) {
            if (encodedBaseTicks[i] == effectiveBase) {
                return encoded[i];
            }
        }
        int slot = encodedCount < ENCODED_CACHE_SIZE ? encodedCount++ : nextEviction++ % ENCODED_CACHE_SIZE;
        PackBuffer buffer = encoded[slot].begin();
        encoder.write(base, latest, buffer.packer());
        encodedBaseTicks[slot] = effectiveBase;
        return buffer.finish();
    }
}
