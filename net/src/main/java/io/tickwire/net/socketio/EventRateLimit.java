package io.tickwire.net.socketio;

/**
 * How many Socket.IO packets one connection may send: a token bucket of {@code packetsPerSecond} with
 * room for {@code burst}. A packet that finds the bucket empty is dropped unread (counted in
 * {@link SocketIoMetrics#floodDropped()}); a connection that has more than {@code maxDropsPerSecond}
 * packets dropped within one second is a flooder and is closed ({@code "forced server close"} on the
 * server; the client, still writing, sees
 * {@code "transport close"} or {@code "transport error"}). Every packet type counts: events, acks and connects
 * all cost the server work. Not a reference option.
 *
 * @param packetsPerSecond  the sustained rate allowed
 * @param burst             how many packets may arrive at once after a quiet spell
 * @param maxDropsPerSecond dropped packets tolerated within one second before the connection is closed
 */
public record EventRateLimit(int packetsPerSecond, int burst, int maxDropsPerSecond) {

    /** @throws IllegalArgumentException naming the value out of range */
    public EventRateLimit {
        if (packetsPerSecond < 1) {
            throw new IllegalArgumentException("eventRateLimit.packetsPerSecond must be >= 1: " + packetsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("eventRateLimit.burst must be >= 1: " + burst);
        }
        if (maxDropsPerSecond < 0) {
            throw new IllegalArgumentException("eventRateLimit.maxDropsPerSecond must be >= 0: " + maxDropsPerSecond);
        }
    }
}
