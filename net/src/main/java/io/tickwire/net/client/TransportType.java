package io.tickwire.net.client;

/** The Engine.IO transports the client can use, with the names they have in the query string. */
public enum TransportType {
    /** HTTP long-polling: a GET held open for server packets, POSTs for client packets. */
    POLLING("polling"),
    /** One WebSocket carrying every packet as a frame. */
    WEBSOCKET("websocket");

    private final String wireName;

    TransportType(String wireName) {
        this.wireName = wireName;
    }

    /** The value of the {@code transport} query parameter and of the handshake's {@code upgrades} entries. */
    public String wireName() {
        return wireName;
    }
}
