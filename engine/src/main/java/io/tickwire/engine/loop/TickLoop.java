package io.tickwire.engine.loop;

import java.util.Objects;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.NanoClock;

/**
 * A fixed-rate, drift-free tick scheduler: tick {@code n} is due at {@code start + n * period}, computed from
 * the start time rather than "sleep a period after each tick", so lateness never accumulates. When late it
 * runs the missed ticks back to back, at most {@link TickLoopOptions#maxCatchUpTicks()} per call; beyond that
 * bound it moves the schedule forward and counts the deadlines it gave up as skipped. A tick that ends after
 * the next deadline counts as an overrun.
 *
 * <p>Shaped like an Agrona agent: {@link #doWork()} runs whatever is due and returns how many ticks ran, so a
 * test drives it with a {@link ManualNanoClock} and no sleeps, and {@link TickLoopThread} drives it in
 * production with an idle strategy between calls. Not thread-safe: one thread calls {@code doWork}.
 */
public final class TickLoop {
    private final TickLoopOptions options;
    private final NanoClock clock;
    private final TickTask task;
    private final ErrorHandler errorHandler;
    private final TickStats stats = new TickStats();
    private final long periodNanos;
    private final int ticksPerSnapshot;
    private boolean started;
    private long startNanos;
    private long scheduleIndex;
    private long tick;

    /**
     * @param clock the time source (a {@code SystemNanoClock} in production, a manual one in tests)
     * @param task what each tick runs
     * @param errorHandler receives exceptions thrown by {@code task}; called on the loop thread
     */
    public TickLoop(TickLoopOptions options, NanoClock clock, TickTask task, ErrorHandler errorHandler) {
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.task = Objects.requireNonNull(task, "task");
        this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
        this.periodNanos = options.tickPeriodNanos();
        this.ticksPerSnapshot = options.ticksPerSnapshot();
    }

    /**
     * Runs the ticks that are due (the first call starts the schedule and runs tick 0).
     *
     * @return the number of ticks run (0 if the next deadline has not come)
     */
    public int doWork() {
        long now = clock.nanoTime();
        if (!started) {
            started = true;
            startNanos = now;
        }
        long late = now - deadline(scheduleIndex);
        if (late < 0) {
            return 0;
        }
        long due = late / periodNanos + 1;
        if (due > options.maxCatchUpTicks()) {
            long skipped = due - options.maxCatchUpTicks();
            scheduleIndex += skipped;
            stats.recordSkipped(skipped);
            due = options.maxCatchUpTicks();
        }
        for (int i = 0; i < due; i++) {
            runTick();
        }
        return (int) due;
    }

    /** The time (on this loop's clock) at which the next tick is due; before the first call, now. */
    public long nextDeadlineNanos() {
        return started ? deadline(scheduleIndex) : clock.nanoTime();
    }

    /** The number the next tick will have (= ticks run so far). */
    public long nextTick() {
        return tick;
    }

    /** This loop's statistics (readable from any thread). */
    public TickStats stats() {
        return stats;
    }

    /** The options given at construction. */
    public TickLoopOptions options() {
        return options;
    }

    private long deadline(long index) {
        return startNanos + index * periodNanos;
    }

    private void runTick() {
        long begin = clock.nanoTime();
        try {
            task.tick(tick, tick % ticksPerSnapshot == 0);
        } catch (Exception e) {
            errorHandler.onError(e);
        }
        long end = clock.nanoTime();
        tick++;
        scheduleIndex++;
        stats.recordTick(end - begin);
        if (end > deadline(scheduleIndex)) {
            stats.recordOverrun();
        }
    }
}
