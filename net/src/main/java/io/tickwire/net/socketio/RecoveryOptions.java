package io.tickwire.net.socketio;

/**
 * Connection state recovery ({@code connectionStateRecovery} of the reference): a client that lost its
 * connection for a recoverable reason and comes back within {@code maxDisconnectionDurationMs} gets its
 * socket id, rooms, {@code data} and the events it missed.
 *
 * @param maxDisconnectionDurationMs how long sessions and emitted packets are kept (default 120000)
 * @param skipMiddlewares            whether a recovered socket skips the connection middlewares (default true)
 * @param maxKeptPackets             the most emitted packets kept for replay at once, oldest dropped first
 *                                   (default 100000; the reference keeps them by time only)
 */
public record RecoveryOptions(long maxDisconnectionDurationMs, boolean skipMiddlewares, int maxKeptPackets) {

    /** @throws IllegalArgumentException naming the option out of range */
    public RecoveryOptions {
        if (maxDisconnectionDurationMs <= 0) {
            throw new IllegalArgumentException("connectionStateRecovery.maxDisconnectionDuration must be positive: "
                    + maxDisconnectionDurationMs);
        }
        if (maxKeptPackets <= 0) {
            throw new IllegalArgumentException("connectionStateRecovery.maxKeptPackets must be positive: "
                    + maxKeptPackets);
        }
    }

    /** The reference's defaults: two minutes, middlewares skipped. */
    public static RecoveryOptions defaults() {
        return new RecoveryOptions(120_000, true, 100_000);
    }
}
