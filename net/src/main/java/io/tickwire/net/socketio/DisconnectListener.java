package io.tickwire.net.socketio;

/**
 * Told when a socket is about to leave ({@code disconnecting}, rooms still joined) or has left
 * ({@code disconnect}) its namespace. Runs on the connection's event loop.
 */
@FunctionalInterface
public interface DisconnectListener {
    void onDisconnect(DisconnectReason reason);
}
