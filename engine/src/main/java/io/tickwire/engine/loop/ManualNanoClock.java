package io.tickwire.engine.loop;

import org.agrona.concurrent.NanoClock;

/**
 * A clock that moves only when told to, for deterministic tests: advance it, then call
 * {@link TickLoop#doWork()}. Thread-safe (volatile), though tests usually use one thread.
 */
public final class ManualNanoClock implements NanoClock {
    private volatile long nanos;

    public ManualNanoClock(long startNanos) {
        this.nanos = startNanos;
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    public void advanceNanos(long delta) {
        nanos += delta;
    }

    public void advanceMillis(long deltaMs) {
        nanos += deltaMs * 1_000_000L;
    }

    public void setNanos(long value) {
        nanos = value;
    }
}
