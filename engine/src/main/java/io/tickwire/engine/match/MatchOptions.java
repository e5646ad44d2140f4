package io.tickwire.engine.match;

import io.tickwire.engine.ecs.WorldOptions;
import java.util.Map;

/**
 * Limits and metadata of one match; immutable.
 *
 * @param maxPlayers players at once; a join beyond it is refused with reason "full"; default 16
 * @param maxInputsPerPlayerPerTick inputs a player may have applied per tick; the excess is dropped and
 *     counted in {@code TickStats.droppedInputs()}; default 4
 * @param emptyDisposeAfterMs a match with no players for this long is disposed automatically (0 = never);
 *     default 30000
 * @param snapshotHistoryTicks captured snapshots kept for deltas (see {@code SnapshotHistory}); default 32
 * @param packBufferBytes initial size of the match's message buffer; default 16384
 * @param labels free-form key/values for {@link MatchRegistry#list}; default empty
 * @param world sizing of the match's world
 */
public record MatchOptions(int maxPlayers, int maxInputsPerPlayerPerTick, long emptyDisposeAfterMs,
        int snapshotHistoryTicks, int packBufferBytes, Map<String, String> labels, WorldOptions world) {
    /** Bound on a match's preallocated input slots per tick (times the ring's maxPayloadBytes in memory). */
    public static final int MAX_INPUTS_PER_TICK = 1 << 16;

    public MatchOptions {
        if (maxPlayers < 1 || maxPlayers > 65_536) {
            throw new IllegalArgumentException("maxPlayers must be in [1, 65536], got " + maxPlayers);
        }
        if (maxInputsPerPlayerPerTick < 1) {
            throw new IllegalArgumentException("maxInputsPerPlayerPerTick must be at least 1, got " + maxInputsPerPlayerPerTick);
        }
        if ((long) maxPlayers * maxInputsPerPlayerPerTick > MAX_INPUTS_PER_TICK) {
            throw new IllegalArgumentException("maxPlayers * maxInputsPerPlayerPerTick must be at most " + MAX_INPUTS_PER_TICK
                    + " (each is a preallocated input slot), got " + maxPlayers + " * " + maxInputsPerPlayerPerTick);
        }
        if (emptyDisposeAfterMs < 0) {
            throw new IllegalArgumentException("emptyDisposeAfterMs must be >= 0, got " + emptyDisposeAfterMs);
        }
        if (snapshotHistoryTicks < 1) {
            throw new IllegalArgumentException("snapshotHistoryTicks must be at least 1, got " + snapshotHistoryTicks);
        }
        if (packBufferBytes < 16) {
            throw new IllegalArgumentException("packBufferBytes must be at least 16, got " + packBufferBytes);
        }
        labels = Map.copyOf(labels);
        if (world == null) {
            throw new IllegalArgumentException("world must not be null");
        }
    }

    /** The defaults. */
    public static MatchOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private int maxPlayers = 16;
        private int maxInputsPerPlayerPerTick = 4;
        private long emptyDisposeAfterMs = 30_000;
        private int snapshotHistoryTicks = 32;
        private int packBufferBytes = 16_384;
        private Map<String, String> labels = Map.of();
        private WorldOptions world = WorldOptions.defaults();

        private Builder() {
        }

        /** See {@link MatchOptions#maxPlayers()}. */
        public Builder maxPlayers(int maxPlayers) {
            this.maxPlayers = maxPlayers;
            return this;
        }

        /** See {@link MatchOptions#maxInputsPerPlayerPerTick()}. */
        public Builder maxInputsPerPlayerPerTick(int maxInputsPerPlayerPerTick) {
            this.maxInputsPerPlayerPerTick = maxInputsPerPlayerPerTick;
            return this;
        }

        /** See {@link MatchOptions#emptyDisposeAfterMs()}. */
        public Builder emptyDisposeAfterMs(long emptyDisposeAfterMs) {
            this.emptyDisposeAfterMs = emptyDisposeAfterMs;
            return this;
        }

        /** See {@link MatchOptions#snapshotHistoryTicks()}. */
        public Builder snapshotHistoryTicks(int snapshotHistoryTicks) {
            this.snapshotHistoryTicks = snapshotHistoryTicks;
            return this;
        }

        /** See {@link MatchOptions#packBufferBytes()}. */
        public Builder packBufferBytes(int packBufferBytes) {
            this.packBufferBytes = packBufferBytes;
            return this;
        }

        /** See {@link MatchOptions#labels()}. */
        public Builder labels(Map<String, String> labels) {
            this.labels = labels;
            return this;
        }

        /** See {@link MatchOptions#world()}. */
        public Builder world(WorldOptions world) {
            this.world = world;
            return this;
        }

        /** Validates and builds; throws {@link IllegalArgumentException} naming the first invalid option. */
        public MatchOptions build() {
            return new MatchOptions(maxPlayers, maxInputsPerPlayerPerTick, emptyDisposeAfterMs, snapshotHistoryTicks,
                    packBufferBytes, labels, world);
        }
    }
}
