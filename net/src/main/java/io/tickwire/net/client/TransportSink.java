package io.tickwire.net.client;

import io.netty.buffer.ByteBuf;
import io.tickwire.net.engineio.PacketType;

/** What a client transport reports to its {@link EngineIoClient}; every call comes on the manager's event loop. */
interface TransportSink {

    /** The transport's connection is ready (a WebSocket finished its handshake). */
    void onTransportOpen(ClientTransport transport);

    /**
     * One Engine.IO packet arrived.
     *
     * @param data borrowed (does not retain); null when the packet has no data
     */
    void onTransportPacket(ClientTransport transport, PacketType type, ByteBuf data, boolean binary);

    /** The transport failed or closed; {@code reason} is Engine.IO's ("transport error", "transport close"). */
    void onTransportClose(ClientTransport transport, String reason, Throwable cause);

    /** Bytes moved on the wire, for traffic figures. */
    void onTraffic(long bytesIn, long bytesOut);
}
