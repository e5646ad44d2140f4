package io.tickwire.engine.loop;

import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NanoClock;

/**
 * Idles a {@link TickLoop}'s thread until its next deadline without burning a core: parks for the time left
 * minus {@code spinNanos}, then yields until the deadline. Parking undershoots by design because the OS wakes
 * a parked thread late (tens of microseconds, timer slack); the short yield phase absorbs that so ticks start
 * on time, while the thread stays off the CPU for almost the whole period (which matters on machines shared
 * with Netty's event loops).
 *
 * <p>Used by one thread, the loop's.
 */
public final class DeadlineIdleStrategy implements IdleStrategy {
    /** Default yield window before a deadline. */
    public static final long DEFAULT_SPIN_NANOS = 150_000;

    private final TickLoop loop;
    private final NanoClock clock;
    private final long spinNanos;

    /** @param spinNanos how long before a deadline to stop parking and yield instead ({@link #DEFAULT_SPIN_NANOS}) */
    public DeadlineIdleStrategy(TickLoop loop, NanoClock clock, long spinNanos) {
        if (spinNanos < 0) {
            throw new IllegalArgumentException("spinNanos must be >= 0, got " + spinNanos);
        }
        this.loop = loop;
        this.clock = clock;
        this.spinNanos = spinNanos;
    }

    @Override
    public void idle(int workCount) {
        if (workCount <= 0) {
            idle();
        }
    }

    @Override
    public void idle() {
        long remaining = loop.nextDeadlineNanos() - clock.nanoTime();
        if (remaining > spinNanos) {
            LockSupport.parkNanos(remaining - spinNanos);
        } else if (remaining > 0) {
            Thread.yield();
        }
    }

    @Override
    public void reset() {
    }

    @Override
    public String alias() {
        return "deadline";
    }
}
