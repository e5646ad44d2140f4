package io.tickwire.net.socketio;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one Socket.IO server, cheap to bump from any thread (striped adders) and read by
 * monitoring. Packets are counted once per recipient.
 */
public final class SocketIoMetrics {
    private final LongAdder packetsIn = new LongAdder();
    private final LongAdder packetsOut = new LongAdder();
    private final LongAdder volatileDropped = new LongAdder();
    private final LongAdder middlewareRefusals = new LongAdder();
    private final LongAdder floodDropped = new LongAdder();
    private final LongAdder floodClosed = new LongAdder();

    public long packetsIn() {
        return packetsIn.sum();
    }

    public long packetsOut() {
        return packetsOut.sum();
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

    void packetIn() {
        packetsIn.increment();
    }

    void packetOut() {
        packetsOut.increment();
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
}
