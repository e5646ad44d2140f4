package io.tickwire.net.client;

/**
 * Connection-level events of a {@link Manager}, socket.io-client's Manager events. Every method is called on
 * the manager's event loop; the defaults do nothing.
 */
public interface ManagerListener {

    /** The Engine.IO session opened. */
    default void onOpen() {
    }

    /** The Engine.IO session closed; {@code reason} as socket.io-client gives it ("ping timeout", ...). */
    default void onClose(String reason) {
    }

    /** A connection attempt failed. */
    default void onError(Throwable cause) {
    }

    /** Reconnection attempt number {@code attempt} (from 1) starts now. */
    default void onReconnectAttempt(int attempt) {
    }

    /** Reconnected after {@code attempt} attempts. */
    default void onReconnect(int attempt) {
    }

    /** Gave up after {@code reconnectionAttempts} attempts. */
    default void onReconnectFailed() {
    }
}
