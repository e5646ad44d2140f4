package io.tickwire.net.socketio.parser;

/**
 * A message that is not a valid Socket.IO packet for the connection's parser. The decoder that threw it
 * is corrupt from then on; the Socket.IO layer closes the connection with reason "parse error".
 */
public final class MalformedPacketException extends RuntimeException {
    public MalformedPacketException(String message) {
        super(message);
    }

    public MalformedPacketException(String message, Throwable cause) {
        super(message, cause);
    }
}
