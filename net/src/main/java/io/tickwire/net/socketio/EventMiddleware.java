package io.tickwire.net.socketio;

import io.tickwire.net.socketio.parser.ListValue;

/**
 * Runs for each event a socket receives, before its listeners ({@code socket.use(([event, …args], next) ->
 * …)}). A failure is reported to the socket's error listeners and the event is not dispatched.
 *
 * <p>Threading: called on the connection's event loop; {@link Next} may be called later from any thread.
 */
@FunctionalInterface
public interface EventMiddleware {
    void handle(String event, ListValue args, Next next);
}
