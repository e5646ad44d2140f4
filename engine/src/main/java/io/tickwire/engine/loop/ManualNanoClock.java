package io.tickwire.engine.loop;

import org.agrona.concurrent.NanoClock;

/**
 * A clock that moves only when told to, for deterministic tests: advance it, then call
 * {@link TickLoop#doWork()}. Thread-safe (volatile), though tests usually use one thread.
 */
public final class ManualNanoClock implements NanoClock {
    private volatile long nanos;

    /** A clock reading {@code startNanos} until moved. */
    public ManualNanoClock(long startNanos) {
        this.nanos = startNanos;
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    /** Moves the clock forward by {@code delta} nanoseconds. */
    public void advanceNanos(long delta) {
        nanos += delta;
    }

    /** Moves the clock forward by {@code deltaMs} milliseconds. */
    public void advanceMillis(long deltaMs) {
        nanos += deltaMs * 1_000_000L;
    }

    /** Sets the reading (tests may move it backwards; the loop then waits). */
    public void setNanos(long value) {
        nanos = value;
    }
}
