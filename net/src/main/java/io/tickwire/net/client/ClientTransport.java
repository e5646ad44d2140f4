package io.tickwire.net.client;

import io.netty.buffer.ByteBuf;
import io.tickwire.net.engineio.PacketType;

/**
 * One client-side Engine.IO transport of one session. Every method is called on the manager's event loop;
 * events go to the {@link TransportSink}. After {@link #close} it reports nothing more.
 */
interface ClientTransport {

    TransportType type();

    /** Starts the transport (a handshake when the session has no id yet). */
    void open();

    /**
     * Queues one packet for the server and sends it at once, unless the session is corked
     * ({@link EngineIoClient#corked()}): then it waits for {@link #flush()}.
     *
     * @param data takes ownership; null for a packet without data
     */
    void write(PacketType type, ByteBuf data, boolean binary);

    /** Sends what {@link #write} queued while the session was corked; nothing when nothing waits. */
    void flush();

    /** Stops receiving and sending, then runs {@code onPaused} once nothing is in flight (upgrade). */
    void pause(Runnable onPaused);

    /** Closes the transport; with {@code sendClose} a CLOSE packet goes out first. Idempotent. */
    void close(boolean sendClose);
}
