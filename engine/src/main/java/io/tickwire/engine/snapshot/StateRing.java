package io.tickwire.engine.snapshot;

/**
 * A bounded ring of preallocated {@link ReplicatedState}s, one per captured tick, the oldest overwritten: the
 * memory a delta can refer back to, for the whole world ({@link SnapshotHistory}) or one player's view
 * ({@link PlayerViews}). Not thread-safe: the loop thread.
 */
final class StateRing {
    private final ReplicatedState[] ring;
    private long captures;

    StateRing(int capacityTicks) {
        if (capacityTicks < 1) {
            throw new IllegalArgumentException("capacityTicks must be at least 1, got " + capacityTicks);
        }
        ring = new ReplicatedState[capacityTicks];
        for (int i = 0; i < capacityTicks; i++) {
            ring[i] = new ReplicatedState();
        }
    }

    /**
     * The state to fill for {@code tick}, which becomes the latest: the oldest one, overwritten.
     *
     * @throws IllegalArgumentException if {@code tick} is not after the latest capture's
     */
    ReplicatedState next(long tick) {
        ReplicatedState latest = latest();
        if (latest != null && tick <= latest.tick()) {
            throw new IllegalArgumentException("tick " + tick + " is not after the last captured tick " + latest.tick());
        }
        return ring[(int) (captures++ % ring.length)];
    }

    /** The most recent capture, or null before the first. */
    ReplicatedState latest() {
        return captures == 0 ? null : ring[(int) ((captures - 1) % ring.length)];
    }

    /** The capture of {@code tick} if it is still in the ring, else null. */
    ReplicatedState find(long tick) {
        for (int back = 0, n = (int) Math.min(captures, ring.length); back < n; back++) {
            ReplicatedState state = ring[(int) ((captures - 1 - back) % ring.length)];
            if (state.tick() == tick) {
                return state;
            }
        }
        return null;
    }
}
