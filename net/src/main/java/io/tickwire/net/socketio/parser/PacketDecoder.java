package io.tickwire.net.socketio.parser;

import io.netty.buffer.ByteBuf;

/**
 * Decodes the Engine.IO messages of one connection into packets. Stateful and not thread-safe: use it from
 * the connection's event loop only. After it throws it is corrupt and throws on every later call.
 */
public interface PacketDecoder {

    /**
     * Feeds one Engine.IO message.
     *
     * @param message borrows (does not retain): a text message as UTF-8 bytes, or a binary message;
     *                the readable bytes are the message and the reader index is not moved
     * @param binary  whether the message arrived as an Engine.IO binary message
     * @return the complete packet, or {@code null} while binary attachments of a packet are still expected
     * @throws MalformedPacketException if the message is not a valid packet here (the decoder is then corrupt)
     */
    Packet decode(ByteBuf message, boolean binary);

    ParserKind kind();
}
