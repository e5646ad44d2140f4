package io.tickwire.net.socketio;

import io.tickwire.net.socketio.parser.ListValue;

/**
 * Sees every event, incoming ({@code socket.onAny}) or outgoing ({@code socket.onAnyOutgoing}), with its
 * name and arguments. Runs on the thread that receives or emits the event; must not block.
 */
@FunctionalInterface
public interface AnyListener {
    void onAny(String event, ListValue args);
}
