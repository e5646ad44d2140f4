package io.tickwire.loadtest;

import java.time.Instant;

/**
 * Wall-clock time in fractional epoch milliseconds, the unit of the broadcast scenario's timestamps.
 * Injected so that tests can pin it. Implementations are thread-safe.
 */
@FunctionalInterface
interface WallClock {

    double epochMillis();

    /**
     * The system clock read once, then advanced with {@link System#nanoTime()}: sub-millisecond resolution
     * without allocating, and monotonic for the life of the process (NTP steps after start are ignored).
     */
    static WallClock system() {
        Instant start = Instant.now();
        long startNanos = System.nanoTime();
        double startMillis = start.getEpochSecond() * 1e3 + start.getNano() / 1e6;
        return () -> startMillis + (System.nanoTime() - startNanos) / 1e6;
    }
}
