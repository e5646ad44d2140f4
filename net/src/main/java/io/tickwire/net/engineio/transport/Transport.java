package io.tickwire.net.engineio.transport;

import io.netty.channel.EventLoop;

/**
 * One way of carrying a session's packets: {@link PollingTransport} or {@link WebSocketTransport}. A
 * session has one transport, two while an upgrade is being probed. A transport reports what it decodes
 * to its {@link TransportEvents}.
 *
 * <p>Threading: every method is called on the session's event loop ({@link #sessionLoop()}), unless its
 * Javadoc says otherwise.
 */
public sealed interface Transport permits PollingTransport, WebSocketTransport {

    /** The transport's name on the wire: {@code polling} or {@code websocket}. */
    String name();

    /** The loop of the session that owns this transport. */
    EventLoop sessionLoop();

    /**
     * Whether more writes would queue up beyond Netty's high water mark (WebSocket) or the polling
     * buffer threshold. Callable from any thread; a hint, not a guarantee.
     */
    boolean isBackpressured();

    /**
     * Bytes written for the client and not yet handed to the kernel (WebSocket) or to a poll (polling).
     * Callable from any thread; a recent value, not an exact one.
     */
    long queuedBytes();

    /**
     * Closes the transport now. {@code sendClosePacket} asks it to tell the client first where it can
     * (a pending poll gets a close packet). Idempotent. Reports nothing back to the session.
     */
    void close(boolean sendClosePacket);
}
