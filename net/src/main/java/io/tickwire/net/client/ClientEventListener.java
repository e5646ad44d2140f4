package io.tickwire.net.client;

import io.tickwire.net.socketio.parser.ListValue;

/** Handles one event from the server; called on the manager's event loop (do not block it). */
@FunctionalInterface
public interface ClientEventListener {

    /**
     * @param args the event's arguments (without its name); with connection state recovery on, the last one
     *             is the server's offset string, as socket.io-client hands it to its listeners
     * @param ack  answers the server's acknowledgement request, or null when the server asked for none
     */
    void onEvent(ListValue args, ClientAck ack);
}
