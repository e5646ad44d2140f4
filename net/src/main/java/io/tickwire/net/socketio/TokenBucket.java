package io.tickwire.net.socketio;

/**
 * A token bucket: {@code ratePerSecond} tokens a second up to {@code burst}; each admitted item takes one.
 * Used for a client's Socket.IO packets ({@link EventRateLimit}) and a player's match inputs. Not
 * thread-safe: used on one connection's event loop only. Allocates nothing.
 */
public final class TokenBucket {
    private final double tokensPerNano;
    private final double burst;
    private double tokens;
    private long lastNanos;

    /** A full bucket at {@code nowNanos} (any monotonic nanosecond clock, used for every later call). */
    public TokenBucket(int ratePerSecond, int burst, long nowNanos) {
        this.tokensPerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    /** Takes a token if one is available at {@code nowNanos}. */
    public boolean tryTake(long nowNanos) {
        long elapsed = nowNanos - lastNanos;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * tokensPerNano);
            lastNanos = nowNanos;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
