package io.tickwire.net.engineio.transport;

import io.netty.buffer.ByteBuf;
import io.tickwire.net.engineio.PacketType;

/**
 * What a {@link Transport} reports to the session that owns it. Each call names its source, because
 * during an upgrade a session hears from two transports.
 *
 * <p>Threading: always called on the session's event loop (transports hop there when their channel
 * lives on another loop).
 */
public interface TransportEvents {

    /** A decoded packet; {@code data} is borrowed (does not retain) and may be {@code null} for no payload. */
    void onPacket(Transport source, PacketType type, ByteBuf data, boolean binary);

    /** The client sent bytes that are not an Engine.IO packet. */
    void onParseError(Transport source);

    /** The transport failed (aborted request, overlapping request, write error); {@code description} says how. */
    void onTransportError(Transport source, String description);

    /** The client closed the transport (WebSocket closed, close packet over polling). */
    void onTransportClose(Transport source);

    /** The transport became able to send (a poll request arrived). */
    void onWritable(Transport source);
}
