package io.tickwire.engine.loop;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Statistics of one {@link TickLoop}: tick durations and inputs per tick as HdrHistogram recorders, and
 * counters for ticks run, overruns, skipped deadlines and dropped inputs.
 *
 * <p>Recording happens on the loop thread and allocates nothing; any thread may read. The histogram reads
 * return the interval since the previous read of the same histogram and allocate (a monitoring concern).
 */
public final class TickStats {
    private static final long MAX_TRACKED_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long MAX_TRACKED_INPUTS = 1L << 24;

    private final Recorder tickDurations = new Recorder(MAX_TRACKED_NANOS, 3);
    private final Recorder inputsPerTick = new Recorder(MAX_TRACKED_INPUTS, 2);
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong overruns = new AtomicLong();
    private final AtomicLong skippedTicks = new AtomicLong();
    private final AtomicLong inputs = new AtomicLong();
    private final AtomicLong droppedInputs = new AtomicLong();

    void recordTick(long durationNanos) {
        tickDurations.recordValue(Math.min(Math.max(durationNanos, 0), MAX_TRACKED_NANOS));
        ticks.lazySet(ticks.get() + 1);
    }

    void recordOverrun() {
        overruns.lazySet(overruns.get() + 1);
    }

    void recordSkipped(long count) {
        skippedTicks.lazySet(skippedTicks.get() + count);
    }

    /** Loop thread: the number of inputs handled in the current tick. */
    public void recordInputs(int count) {
        inputsPerTick.recordValue(Math.min(count, MAX_TRACKED_INPUTS));
        inputs.lazySet(inputs.get() + count);
    }

    /** Loop thread: inputs dropped (per-player cap, unknown match or player, full batch). */
    public void recordDroppedInputs(int count) {
        droppedInputs.lazySet(droppedInputs.get() + count);
    }

    /** Ticks run since start. */
    public long ticks() {
        return ticks.get();
    }

    /** Ticks that ended after the next tick's deadline. */
    public long overruns() {
        return overruns.get();
    }

    /** Deadlines given up because the loop was later than the catch-up bound. */
    public long skippedTicks() {
        return skippedTicks.get();
    }

    /** Inputs handled since start. */
    public long inputs() {
        return inputs.get();
    }

    /** Inputs dropped since start. */
    public long droppedInputs() {
        return droppedInputs.get();
    }

    /** Tick durations in nanoseconds recorded since the previous call. Allocates. */
    public Histogram takeTickDurations() {
        return tickDurations.getIntervalHistogram();
    }

    /** Inputs per tick recorded since the previous call. Allocates. */
    public Histogram takeInputsPerTick() {
        return inputsPerTick.getIntervalHistogram();
    }
}
