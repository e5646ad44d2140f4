package io.tickwire.loadtest;

import io.tickwire.net.client.TransportType;

import java.util.List;

/** How bots reach the server: {@code --transport websocket|polling|upgrade}. */
enum TransportMode {
    WEBSOCKET(List.of(TransportType.WEBSOCKET)),
    POLLING(List.of(TransportType.POLLING)),
    /** Polling first, then the upgrade to WebSocket, as a browser's default socket.io-client. */
    UPGRADE(List.of(TransportType.POLLING, TransportType.WEBSOCKET));

    private final List<TransportType> transports;

    TransportMode(List<TransportType> transports) {
        this.transports = transports;
    }

    TransportType[] transports() {
        return transports.toArray(new TransportType[0]);
    }
}
