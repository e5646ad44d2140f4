package io.tickwire.net.engineio;

/**
 * Why a session closed, with the reason strings of the reference server (they reach Socket.IO's
 * {@code disconnect} event unchanged, see {@link #text()}).
 */
public enum CloseReason {
    /** The client closed the transport (WebSocket closed, close packet over polling). */
    TRANSPORT_CLOSE("transport close"),
    /** The transport failed: aborted poll, overlapping GET, oversized POST, write error. */
    TRANSPORT_ERROR("transport error"),
    /** No pong arrived within {@code pingTimeoutMs} of a ping. */
    PING_TIMEOUT("ping timeout"),
    /** The client sent bytes that do not decode as an Engine.IO packet. */
    PARSE_ERROR("parse error"),
    /** The server closed the session ({@link EngineIoSocket#close()}). */
    FORCED_CLOSE("forced close"),
    /** The server is stopping ({@link EngineIoServer#close()}). */
    SERVER_SHUTTING_DOWN("server shutting down");

    private final String text;

    CloseReason(String text) {
        this.text = text;
    }

    /** The reference server's reason string, e.g. {@code "ping timeout"}. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
