package io.tickwire.net.socketio.parser;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A {@link Value} on its own (not inside a packet) as msgpack or JSON bytes, the way notepack.io and
 * {@code JSON.stringify}/{@code JSON.parse} treat it in a Node.js peer: for messages between servers
 * (cluster adapters) rather than to clients. Reading applies {@link ParserOptions#defaults()}'s limits.
 *
 * <p>Thread-safe; allocates the returned arrays.
 */
public final class ValueCodec {
    private static final JsonPacketEncoder JSON_WRITER = new JsonPacketEncoder(UnpooledByteBufAllocator.DEFAULT);
    private static final JsonPayloadReader JSON_READER = new JsonPayloadReader(ParserOptions.defaults());
    private static final ThreadLocal<MsgpackValueReader> MSGPACK_READER =
            ThreadLocal.withInitial(() -> new MsgpackValueReader(ParserOptions.defaults()));

    private ValueCodec() {
    }

    /** {@code value} as notepack.io encodes it (bytes as bin). */
    public static byte[] toMsgpack(Value value) {
        byte[] bytes = new byte[MsgpackPacketEncoder.size(value)];
        ByteBuf out = Unpooled.wrappedBuffer(bytes).writerIndex(0);
        MsgpackPacketEncoder.write(out, value);
        return bytes;
    }

    /**
     * The value notepack.io would decode from {@code bytes}; notepack's {@code undefined} gives {@link Value#NULL}.
     *
     * @throws MalformedPacketException on bad or truncated msgpack, or bytes after the value
     */
    public static Value fromMsgpack(byte[] bytes) {
        MsgpackValueReader reader = MSGPACK_READER.get();
        try {
            reader.start(bytes, 0, bytes.length);
            Value value = reader.value(0);
            if (reader.remaining() != 0) {
                throw new MalformedPacketException("bad msgpack: " + reader.remaining() + " bytes after the value");
            }
            return value == null ? Value.NULL : value;
        } catch (IOException | RuntimeException e) {
            throw MsgpackValueReader.malformed(e);
        }
    }

    /** {@code value} as {@code JSON.stringify} writes it, UTF-8 encoded. */
    public static byte[] toJson(Value value) {
        ByteBuf out = Unpooled.buffer(64);
        JSON_WRITER.writeJson(out, value);
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        return bytes;
    }

    /** {@code value} as a JSON string. */
    public static String toJsonString(Value value) {
        return new String(toJson(value), StandardCharsets.UTF_8);
    }

    /**
     * Parses UTF-8 JSON as strictly as {@code JSON.parse}.
     *
     * @throws MalformedPacketException on bad JSON
     */
    public static Value fromJson(byte[] bytes) {
        return JSON_READER.read(Unpooled.wrappedBuffer(bytes), 0, bytes.length);
    }
}
