package io.tickwire.net.socketio.adapter;

/**
 * The modifiers of an emit, as socket.io's {@code BroadcastFlags}. Immutable; each modifier method returns
 * a copy.
 *
 * @param volatile_ drop the packet for a recipient whose transport is not writable instead of queueing it
 * @param compress  whether the transport may compress the packet (WebSocket per-message deflate)
 * @param local     deliver to this node only (meaningful with a cluster adapter)
 * @param timeoutMs how long to wait for acknowledgements, or {@link #NO_TIMEOUT}
 */
public record BroadcastFlags(boolean volatile_, boolean compress, boolean local, long timeoutMs) {
    /** {@link #timeoutMs} of an emit that waits for no acknowledgement deadline. */
    public static final long NO_TIMEOUT = -1;

    /** Reliable, compressible, cluster-wide, no timeout. */
    public static final BroadcastFlags DEFAULT = new BroadcastFlags(false, true, false, NO_TIMEOUT);

    public BroadcastFlags withVolatile() {
        return new BroadcastFlags(true, compress, local, timeoutMs);
    }

    public BroadcastFlags withCompress(boolean compress) {
        return new BroadcastFlags(volatile_, compress, local, timeoutMs);
    }

    public BroadcastFlags withLocal() {
        return new BroadcastFlags(volatile_, compress, true, timeoutMs);
    }

    /** @throws IllegalArgumentException if {@code timeoutMs} is negative */
    public BroadcastFlags withTimeout(long timeoutMs) {
        if (timeoutMs < 0) {
            throw new IllegalArgumentException("timeout must be >= 0 ms: " + timeoutMs);
        }
        return new BroadcastFlags(volatile_, compress, local, timeoutMs);
    }

    public boolean hasTimeout() {
        return timeoutMs != NO_TIMEOUT;
    }
}
