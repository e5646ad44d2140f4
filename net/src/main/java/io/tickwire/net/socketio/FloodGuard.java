package io.tickwire.net.socketio;

/**
 * One connection's {@link EventRateLimit}: admits packets while the bucket has tokens, and tells a
 * short burst (drop) from a flood (close). Not thread-safe: used on the connection's event loop.
 */
final class FloodGuard {
    /** What to do with one incoming packet. */
    enum Verdict { ADMIT, DROP, CLOSE }

    private static final long SECOND_NANOS = 1_000_000_000L;

    private final TokenBucket bucket;
    private final int maxDropsPerSecond;
    private long dropWindowStartNanos;
    private int dropsInWindow;

    FloodGuard(EventRateLimit limit, long nowNanos) {
        this.bucket = new TokenBucket(limit.packetsPerSecond(), limit.burst(), nowNanos);
        this.maxDropsPerSecond = limit.maxDropsPerSecond();
        this.dropWindowStartNanos = nowNanos;
    }

    Verdict onPacket(long nowNanos) {
        if (bucket.tryTake(nowNanos)) {
            return Verdict.ADMIT;
        }
        if (nowNanos - dropWindowStartNanos >= SECOND_NANOS) {
            dropWindowStartNanos = nowNanos;
            dropsInWindow = 0;
        }
        return ++dropsInWindow > maxDropsPerSecond ? Verdict.CLOSE : Verdict.DROP;
    }
}
