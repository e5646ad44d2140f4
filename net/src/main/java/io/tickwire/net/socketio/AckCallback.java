package io.tickwire.net.socketio;

import io.tickwire.net.socketio.parser.ListValue;

/**
 * Receives the client's acknowledgement of an event sent to one socket. Pass it as the last argument of
 * {@code emit}. With {@code timeout(ms)}, it is called once: with the client's arguments and a null error,
 * or with an {@link AckTimeoutException} and empty arguments when the client did not answer in time.
 *
 * <p>Threading: runs on the connection's event loop; must not block.
 */
@FunctionalInterface
public interface AckCallback {
    void onAck(Throwable error, ListValue args);
}
