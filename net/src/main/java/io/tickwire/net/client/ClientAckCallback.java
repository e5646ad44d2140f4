package io.tickwire.net.client;

import io.tickwire.net.socketio.parser.ListValue;

/**
 * Receives the server's acknowledgement of one emit, or why it will not come. Called once, on the manager's
 * event loop. Passed as the last argument of {@link ClientSocket#emit}, as in socket.io-client.
 */
@FunctionalInterface
public interface ClientAckCallback {

    /**
     * @param error null on success; {@code io.tickwire.net.socketio.AckTimeoutException} after the timeout,
     *              or an {@link IllegalStateException} when the socket disconnected or the emit was dropped
     * @param args  the acknowledgement's arguments, null when {@code error} is set
     */
    void onAck(Throwable error, ListValue args);
}
