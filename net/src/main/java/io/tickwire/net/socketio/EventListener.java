package io.tickwire.net.socketio;

import io.tickwire.net.socketio.parser.ListValue;

/**
 * Receives one named event from a client ({@code socket.on("chat", (args, ack) -> …)}).
 *
 * <p>Threading: runs on the connection's event loop, one event at a time, in arrival order; must not
 * block. A thrown exception is logged and does not affect the connection.
 */
@FunctionalInterface
public interface EventListener {

    /**
     * @param args the event's arguments (the event name excluded)
     * @param ack  the acknowledgement the client asked for, or null when it asked for none
     */
    void onEvent(ListValue args, Ack ack);
}
