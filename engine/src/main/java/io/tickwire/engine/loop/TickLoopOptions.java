package io.tickwire.engine.loop;

/**
 * Rates and limits of a {@link TickLoop}; immutable.
 *
 * @param simulationHz ticks per second; default 60
 * @param snapshotHz snapshot (patch) ticks per second, dividing {@code simulationHz}; default 20, so every
 *     third tick is a snapshot tick
 * @param maxCatchUpTicks most ticks run back to back when the loop is late; beyond that the schedule moves
 *     forward and the missed ticks are counted as skipped (the simulation slows down rather than spiral);
 *     default 5
 */
public record TickLoopOptions(int simulationHz, int snapshotHz, int maxCatchUpTicks) {
    public TickLoopOptions {
        if (simulationHz < 1 || simulationHz > 10_000) {
            throw new IllegalArgumentException("simulationHz must be in [1, 10000], got " + simulationHz);
        }
        if (snapshotHz < 1 || snapshotHz > simulationHz || simulationHz % snapshotHz != 0) {
            throw new IllegalArgumentException("snapshotHz must divide simulationHz (" + simulationHz + "), got " + snapshotHz);
        }
        if (maxCatchUpTicks < 1) {
            throw new IllegalArgumentException("maxCatchUpTicks must be at least 1, got " + maxCatchUpTicks);
        }
    }

    /** Nanoseconds between tick deadlines (rounded down). */
    public long tickPeriodNanos() {
        return 1_000_000_000L / simulationHz;
    }

    /** Simulation ticks per snapshot tick. */
    public int ticksPerSnapshot() {
        return simulationHz / snapshotHz;
    }

    /** Simulated seconds per tick. */
    public float deltaSeconds() {
        return 1f / simulationHz;
    }

    /** The defaults. */
    public static TickLoopOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private int simulationHz = 60;
        private int snapshotHz = 20;
        private int maxCatchUpTicks = 5;

        private Builder() {
        }

        /** See {@link TickLoopOptions#simulationHz()}. */
        public Builder simulationHz(int simulationHz) {
            this.simulationHz = simulationHz;
            return this;
        }

        /** See {@link TickLoopOptions#snapshotHz()}. */
        public Builder snapshotHz(int snapshotHz) {
            this.snapshotHz = snapshotHz;
            return this;
        }

        /** See {@link TickLoopOptions#maxCatchUpTicks()}. */
        public Builder maxCatchUpTicks(int maxCatchUpTicks) {
            this.maxCatchUpTicks = maxCatchUpTicks;
            return this;
        }

        /** Validates and builds; throws {@link IllegalArgumentException} naming the first invalid option. */
        public TickLoopOptions build() {
            return new TickLoopOptions(simulationHz, snapshotHz, maxCatchUpTicks);
        }
    }
}
