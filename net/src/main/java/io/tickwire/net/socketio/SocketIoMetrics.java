package io.tickwire.net.socketio;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one Socket.IO server, cheap to bump from any thread (striped adders, nothing allocated) and
 * read by monitoring. Packets and bytes are counted once per recipient; bytes are Socket.IO frames (packet
 * text or binary attachments) before Engine.IO framing.
 */
public final class SocketIoMetrics {
    private final LongAdder packetsIn = new LongAdder();
    private final LongAdder packetsOut = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder volatileDropped = new LongAdder();
    private final LongAdder middlewareRefusals = new LongAdder();
    private final LongAdder floodDropped = new LongAdder();
    private final LongAdder floodClosed = new LongAdder();
    private final LongAdder ackTimeouts = new LongAdder();
    private final LongAdder connectionsOpened = new LongAdder();
    private final LongAdder connectionsClosed = new LongAdder();

    public long packetsIn() {
        return packetsIn.sum();
    }

    public long packetsOut() {
        return packetsOut.sum();
    }

    /** Frame bytes received from clients, malformed ones included. */
    public long bytesIn() {
        return bytesIn.sum();
    }

    /** Frame bytes queued to clients. */
    public long bytesOut() {
        return bytesOut.sum();
    }

    /** Volatile packets dropped because the recipient's transport was not writable. */
    public long volatileDropped() {
        return volatileDropped.sum();
    }

    /** Connections refused by a connection middleware. */
    public long middlewareRefusals() {
        return middlewareRefusals.sum();
    }

    /** Incoming packets dropped by the {@link EventRateLimit}. */
    public long floodDropped() {
        return floodDropped.sum();
    }

    /** Connections closed for flooding ({@link EventRateLimit#maxDropsPerSecond()} exceeded). */
    public long floodClosed() {
        return floodClosed.sum();
    }

    /** Server-to-client emits whose acknowledgement did not arrive within their {@code timeout(ms)}. */
    public long ackTimeouts() {
        return ackTimeouts.sum();
    }

    /** Engine.IO connections opened since start. */
    public long connectionsOpened() {
        return connectionsOpened.sum();
    }

    /** Engine.IO connections closed since start. */
    public long connectionsClosed() {
        return connectionsClosed.sum();
    }

    void connectionOpened() {
        connectionsOpened.increment();
    }

    void connectionClosed() {
        connectionsClosed.increment();
    }

    void packetIn() {
        packetsIn.increment();
    }

    void packetOut() {
        packetsOut.increment();
    }

    void bytesIn(long bytes) {
        bytesIn.add(bytes);
    }

    void bytesOut(long bytes) {
        bytesOut.add(bytes);
    }

    void volatileDrop() {
        volatileDropped.increment();
    }

    void floodDrop() {
        floodDropped.increment();
    }

    void floodClose() {
        floodClosed.increment();
    }

    void middlewareRefusal() {
        middlewareRefusals.increment();
    }

    void ackTimeout() {
        ackTimeouts.increment();
    }
}
