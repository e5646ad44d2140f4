package io.tickwire.net.socketio.parser;

import io.netty.buffer.ByteBuf;

/**
 * The parser of one connection (Socket.IO's {@code Client} owns one). Unless the server pins a parser,
 * the first message the client sends decides, since its first packet is always a CONNECT: a text message
 * means the default parser, a binary one msgpack. The server answers in the same encoding from then on.
 *
 * <p>Not thread-safe: decode on the connection's event loop. {@link #encode} may be called from any
 * thread once {@link #kind()} is known (it is set before the first packet is returned).
 */
public final class PacketCodec {
    private final PacketParsers parsers;
    private volatile ParserKind kind;
    private PacketDecoder decoder;

    PacketCodec(PacketParsers parsers, ParserKind pinned) {
        this.parsers = parsers;
        if (pinned != null) {
            this.kind = pinned;
            this.decoder = parsers.newDecoder(pinned);
        }
    }

    /**
     * Feeds one Engine.IO message; see {@link PacketDecoder#decode}.
     *
     * @param message borrows (does not retain)
     * @return the complete packet, or null while binary attachments are pending
     * @throws MalformedPacketException on a bad packet; the codec is corrupt from then on
     */
    public Packet decode(ByteBuf message, boolean binary) {
        if (decoder == null) {
            kind = binary ? ParserKind.MSGPACK : ParserKind.DEFAULT;
            decoder = parsers.newDecoder(kind);
        }
        return decoder.decode(message, binary);
    }

    /** The connection's parser, or null before the client's first message when no parser is pinned. */
    public ParserKind kind() {
        return kind;
    }

    /**
     * Encodes {@code packet} in the connection's encoding (the default parser's if still undecided).
     *
     * @return the caller must release the result
     */
    public EncodedPacket encode(Packet packet) {
        ParserKind current = kind;
        return parsers.encode(packet, current == null ? ParserKind.DEFAULT : current);
    }
}
