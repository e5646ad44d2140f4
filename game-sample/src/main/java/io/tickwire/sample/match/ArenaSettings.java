package io.tickwire.sample.match;

/**
 * How an arena match plays; immutable. Build with {@link #builder()}; {@link Builder#build()} validates.
 *
 * @param roundMs    how long a round is played; default 180000 (3 minutes)
 * @param resultsMs  how long the results are shown before the next round; default 8000
 * @param combatants bots fill the match up to this many avatars while there are fewer humans; default 4
 * @param maxHumans  human players at once; default 8
 */
public record ArenaSettings(long roundMs, long resultsMs, int combatants, int maxHumans) {
    public ArenaSettings {
        if (roundMs < 1000) {
            throw new IllegalArgumentException("roundMs must be >= 1000, got " + roundMs);
        }
        if (resultsMs < 0) {
            throw new IllegalArgumentException("resultsMs must be >= 0, got " + resultsMs);
        }
        if (combatants < 0 || combatants > 16) {
            throw new IllegalArgumentException("combatants must be in [0, 16], got " + combatants);
        }
        if (maxHumans < 1 || maxHumans > 64) {
            throw new IllegalArgumentException("maxHumans must be in [1, 64], got " + maxHumans);
        }
    }

    /** The defaults. */
    public static ArenaSettings defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private long roundMs = 180_000;
        private long resultsMs = 8_000;
        private int combatants = 4;
        private int maxHumans = 8;

        private Builder() {
        }

        /** See {@link ArenaSettings#roundMs()}. */
        public Builder roundMs(long roundMs) {
            this.roundMs = roundMs;
            return this;
        }

        /** See {@link ArenaSettings#resultsMs()}. */
        public Builder resultsMs(long resultsMs) {
            this.resultsMs = resultsMs;
            return this;
        }

        /** See {@link ArenaSettings#combatants()}. */
        public Builder combatants(int combatants) {
            this.combatants = combatants;
            return this;
        }

        /** See {@link ArenaSettings#maxHumans()}. */
        public Builder maxHumans(int maxHumans) {
            this.maxHumans = maxHumans;
            return this;
        }

        /** Validates and builds; throws {@link IllegalArgumentException} naming the first invalid option. */
        public ArenaSettings build() {
            return new ArenaSettings(roundMs, resultsMs, combatants, maxHumans);
        }
    }
}
