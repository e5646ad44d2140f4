package io.tickwire.net.match;

/**
 * Settings of a {@link GameServer}; immutable, validated by {@link Builder#build()} with a message naming
 * the option.
 *
 * @param namespace            the Socket.IO namespace games are served on; default {@code /game}
 * @param seatReservationMs    how long matchmaking holds a seat for a player whose join the match has not
 *                             confirmed yet, and how long a seat reserved with {@link GameServer#reserveSeat}
 *                             waits for its claim; the seat is freed after it; default 15000
 * @param reconnectGraceMs     how long a dropped player keeps its seat; default 10000
 * @param inputsPerSecond      sustained inputs a player may send (token bucket rate); default 60
 * @param inputBurst           inputs a player may send at once (bucket size); default 30
 * @param floodDropsPerSecond  a player whose inputs are dropped by the rate limit more than this many
 *                             times within one second is disconnected; default 120
 * @param maxPendingActions    critical actions a player may have waiting for the loop; more are refused
 *                             at once with error "too many pending actions"; default 16
 * @param criticalRetries      times a server-to-client critical message is sent again after an ack
 *                             timeout before the player is treated as disconnected; default 2
 */
public record GameServerOptions(String namespace, long seatReservationMs, long reconnectGraceMs, int inputsPerSecond,
        int inputBurst, int floodDropsPerSecond, int maxPendingActions, int criticalRetries) {
    public GameServerOptions {
        if (namespace == null || !namespace.startsWith("/")) {
            throw new IllegalArgumentException("namespace must start with '/', got " + namespace);
        }
        positive("seatReservationMs", seatReservationMs);
        if (reconnectGraceMs < 0) {
            throw new IllegalArgumentException("reconnectGraceMs must be >= 0, got " + reconnectGraceMs);
        }
        positive("inputsPerSecond", inputsPerSecond);
        positive("inputBurst", inputBurst);
        positive("floodDropsPerSecond", floodDropsPerSecond);
        positive("maxPendingActions", maxPendingActions);
        if (criticalRetries < 0) {
            throw new IllegalArgumentException("criticalRetries must be >= 0, got " + criticalRetries);
        }
    }

    private static void positive(String option, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, got " + value);
        }
    }

    public static GameServerOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link GameServerOptions}; starts from the defaults. */
    public static final class Builder {
        private String namespace = "/game";
        private long seatReservationMs = 15_000;
        private long reconnectGraceMs = 10_000;
        private int inputsPerSecond = 60;
        private int inputBurst = 30;
        private int floodDropsPerSecond = 120;
        private int maxPendingActions = 16;
        private int criticalRetries = 2;

        private Builder() {
        }

        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        public Builder seatReservationMs(long seatReservationMs) {
            this.seatReservationMs = seatReservationMs;
            return this;
        }

        public Builder reconnectGraceMs(long reconnectGraceMs) {
            this.reconnectGraceMs = reconnectGraceMs;
            return this;
        }

        public Builder inputsPerSecond(int inputsPerSecond) {
            this.inputsPerSecond = inputsPerSecond;
            return this;
        }

        public Builder inputBurst(int inputBurst) {
            this.inputBurst = inputBurst;
            return this;
        }

        public Builder floodDropsPerSecond(int floodDropsPerSecond) {
            this.floodDropsPerSecond = floodDropsPerSecond;
            return this;
        }

        public Builder maxPendingActions(int maxPendingActions) {
            this.maxPendingActions = maxPendingActions;
            return this;
        }

        public Builder criticalRetries(int criticalRetries) {
            this.criticalRetries = criticalRetries;
            return this;
        }

        /** @throws IllegalArgumentException naming the first invalid option */
        public GameServerOptions build() {
            return new GameServerOptions(namespace, seatReservationMs, reconnectGraceMs, inputsPerSecond, inputBurst,
                    floodDropsPerSecond, maxPendingActions, criticalRetries);
        }
    }
}
