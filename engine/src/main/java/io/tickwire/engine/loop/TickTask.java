package io.tickwire.engine.loop;

/** What a {@link TickLoop} runs at each tick; called on the loop thread only. */
@FunctionalInterface
public interface TickTask {
    /**
     * Runs one tick. An {@link Exception} is reported to the loop's error handler and the loop carries on;
     * an {@link Error} propagates and stops the loop thread.
     *
     * @param tick the tick number: 0, 1, 2, ... (consecutive even when the loop skipped deadlines)
     * @param snapshotDue whether this tick is a snapshot tick (see {@link TickLoopOptions#snapshotHz()})
     */
    void tick(long tick, boolean snapshotDue) throws Exception;
}
