package io.tickwire.net.engineio;

/**
 * Receives each new session once its handshake has been answered. Runs on the session's event loop and
 * must not block; it should set the socket's {@link EngineIoSocketListener} before returning.
 */
@FunctionalInterface
public interface ConnectionListener {
    void onConnection(EngineIoSocket socket);
}
