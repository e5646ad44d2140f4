package io.tickwire.net.client;

import java.util.function.DoubleSupplier;

/**
 * Reconnection delays as socket.io-client computes them: {@code min * 2^attempt}, moved up or down by a
 * random share of itself ({@code randomizationFactor}), capped at {@code max}. Not thread-safe: used on
 * the manager's event loop only.
 */
final class Backoff {
    private final long minMs;
    private final long maxMs;
    private final double jitter;
    private final DoubleSupplier random;
    private int attempts;

    /** @param random values in [0, 1); injected so tests can pin the jitter */
    Backoff(long minMs, long maxMs, double jitter, DoubleSupplier random) {
        this.minMs = minMs;
        this.maxMs = maxMs;
        this.jitter = jitter;
        this.random = random;
    }

    /** The delay before the next attempt; counts the attempt. */
    long nextDelayMs() {
        double ms = minMs * Math.pow(2, Math.min(attempts++, 62));
        if (jitter > 0) {
            double r = random.getAsDouble();
            double deviation = Math.floor(r * jitter * ms);
            ms = (((int) Math.floor(r * 10)) & 1) == 0 ? ms - deviation : ms + deviation;
        }
        return (long) Math.min(ms, maxMs);
    }

    /** Attempts counted since the last {@link #reset()}. */
    int attempts() {
        return attempts;
    }

    void reset() {
        attempts = 0;
    }
}
