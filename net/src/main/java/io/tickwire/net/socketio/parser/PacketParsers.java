package io.tickwire.net.socketio.parser;

import io.netty.buffer.ByteBufAllocator;

/**
 * The parsers of one server: built once from {@link ParserOptions}, thread-safe, shared by every
 * connection. Gives each connection its {@link PacketCodec}, and encodes packets (once per parser kind for
 * a broadcast, see {@link BroadcastEncoding}).
 */
public final class PacketParsers {
    private final ParserOptions options;
    private final JsonPacketEncoder jsonEncoder;
    private final MsgpackPacketEncoder msgpackEncoder;
    private final JsonPayloadReader jsonReader;
    private final ThreadLocal<MsgpackValueReader> msgpackReaders;

    /** @param allocator allocates every encoded frame */
    public PacketParsers(ParserOptions options, ByteBufAllocator allocator) {
        this.options = options;
        this.jsonEncoder = new JsonPacketEncoder(allocator);
        this.msgpackEncoder = new MsgpackPacketEncoder(allocator);
        this.jsonReader = new JsonPayloadReader(options);
        this.msgpackReaders = ThreadLocal.withInitial(() -> new MsgpackValueReader(options));
    }

    public ParserOptions options() {
        return options;
    }

    /** A codec for a new connection: pinned to {@link ParserOptions#pinnedParser()} or chosen by its first message. */
    public PacketCodec newCodec() {
        return new PacketCodec(this, options.pinnedParser());
    }

    /** A fresh decoder of the given kind, for one connection. */
    public PacketDecoder newDecoder(ParserKind kind) {
        return kind == ParserKind.MSGPACK
                ? new MsgpackPacketDecoder(msgpackReaders, options.maxNameLengthChars())
                : new JsonPacketDecoder(jsonReader, options.maxAttachments(), options.maxNameLengthChars());
    }

    /** The (thread-safe) encoder of the given kind. */
    public PacketEncoder encoder(ParserKind kind) {
        return kind == ParserKind.MSGPACK ? msgpackEncoder : jsonEncoder;
    }

    /** Encodes {@code packet} for {@code kind}: the caller must release the result. */
    public EncodedPacket encode(Packet packet, ParserKind kind) {
        return encoder(kind).encode(packet);
    }

    /** Starts a broadcast of {@code packet}: each parser kind is encoded at most once, on first use. */
    public BroadcastEncoding broadcast(Packet packet) {
        return new BroadcastEncoding(this, packet);
    }
}
