package io.tickwire.net.socketio;

/**
 * Runs for each socket that asks to join a namespace, before it is connected
 * ({@code namespace.use((socket, next) -> …)}). May finish asynchronously: {@link Next} may be called
 * later, from any thread.
 *
 * <p>Threading: called on the connection's event loop; must not block.
 */
@FunctionalInterface
public interface ConnectionMiddleware {
    void handle(Socket socket, Next next);
}
