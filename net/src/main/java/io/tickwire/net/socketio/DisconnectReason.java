package io.tickwire.net.socketio;

import io.tickwire.net.engineio.CloseReason;

/**
 * Why a {@link Socket} left its namespace: the reason strings of the reference server's
 * {@code disconnect} and {@code disconnecting} events.
 */
public enum DisconnectReason {
    /** The client's transport closed (WebSocket closed, browser tab closed…). */
    TRANSPORT_CLOSE("transport close", true),
    /** The transport failed (aborted poll, oversized POST, write error). */
    TRANSPORT_ERROR("transport error", true),
    /** The client did not answer a ping within {@code pingTimeout}. */
    PING_TIMEOUT("ping timeout", true),
    /** The client sent bytes that are not an Engine.IO packet. */
    PARSE_ERROR("parse error", false),
    /** The underlying Engine.IO connection was closed by the server. */
    FORCED_CLOSE("forced close", true),
    /** The server is stopping. */
    SERVER_SHUTTING_DOWN("server shutting down", true),
    /** The server closed the whole connection ({@code socket.disconnect(true)}, connect timeout). */
    FORCED_SERVER_CLOSE("forced server close", true),
    /** The server disconnected this socket from its namespace ({@code socket.disconnect()}). */
    SERVER_NAMESPACE_DISCONNECT("server namespace disconnect", false),
    /** The client disconnected this socket from its namespace ({@code socket.disconnect()} on the client). */
    CLIENT_NAMESPACE_DISCONNECT("client namespace disconnect", false);

    private final String text;
    private final boolean recoverable;

    DisconnectReason(String text, boolean recoverable) {
        this.text = text;
        this.recoverable = recoverable;
    }

    /** The reference server's reason string, e.g. {@code "ping timeout"}. */
    public String text() {
        return text;
    }

    /** Whether connection state recovery keeps the session after this reason (as the reference does). */
    public boolean isRecoverable() {
        return recoverable;
    }

    static DisconnectReason of(CloseReason reason) {
        return switch (reason) {
            case TRANSPORT_CLOSE -> TRANSPORT_CLOSE;
            case TRANSPORT_ERROR -> TRANSPORT_ERROR;
            case PING_TIMEOUT -> PING_TIMEOUT;
            case PARSE_ERROR -> PARSE_ERROR;
            case FORCED_CLOSE -> FORCED_CLOSE;
            case SERVER_SHUTTING_DOWN -> SERVER_SHUTTING_DOWN;
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
