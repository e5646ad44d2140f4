package io.tickwire.net.socketio.parser;

import io.netty.buffer.ByteBuf;

import java.io.IOException;

/**
 * The msgpack parser's decoder for one connection: each binary message is one packet map, checked as
 * socket.io-msgpack-parser 3.0.2's {@code checkPacket} does (integer type 0..4, string namespace, data
 * shape by type, integer or absent id) plus the rules both our decoders share ({@link PayloadRules}, a
 * namespace starting with "/", a non-negative id). Keys other than {@code type, nsp, data, id} (such as
 * the {@code options} socket.io-client leaves in its packets) are read and ignored; {@code undefined}
 * counts as absent. A text message, trailing bytes or any error make the decoder corrupt (terminal).
 *
 * <p>Not thread-safe: one per connection, used on its event loop; the msgpack-core unpacker it uses is
 * the calling thread's.
 */
public final class MsgpackPacketDecoder implements PacketDecoder {
    private final ThreadLocal<MsgpackValueReader> readers;
    private final int maxNameLengthChars;
    private boolean corrupt;

    MsgpackPacketDecoder(ThreadLocal<MsgpackValueReader> readers, int maxNameLengthChars) {
        this.readers = readers;
        this.maxNameLengthChars = maxNameLengthChars;
    }

    @Override
    public ParserKind kind() {
        return ParserKind.MSGPACK;
    }

    @Override
    public Packet decode(ByteBuf message, boolean binary) {
        if (corrupt) {
            throw new MalformedPacketException("decoder is corrupt after an earlier malformed packet");
        }
        try {
            if (!binary) {
                throw new MalformedPacketException("got a text message but this connection uses the msgpack parser");
            }
            return decodePacket(readers.get(), message);
        } catch (RuntimeException | IOException e) {
            // whatever the cause, bad input must only close its own connection: report it as malformed
            corrupt = true;
            throw MsgpackValueReader.malformed(e);
        }
    }

    private Packet decodePacket(MsgpackValueReader reader, ByteBuf message) throws IOException {
        int length = message.readableBytes();
        if (message.hasArray()) {
            reader.start(message.array(), message.arrayOffset() + message.readerIndex(), length);
        } else {
            byte[] copy = reader.messageCopy(length);
            message.getBytes(message.readerIndex(), copy, 0, length);
            reader.start(copy, 0, length);
        }
        if (reader.nextFormat().getValueType() != org.msgpack.value.ValueType.MAP) {
            throw new MalformedPacketException("invalid packet type: a msgpack packet must be a map");
        }
        Value type = null;
        Value namespace = null;
        Value data = null;
        Value id = null;
        for (int i = 0, n = reader.mapHeader(); i < n; i++) {
            String key = reader.key();
            Value value = reader.value(0);
            switch (key) {
                case "type" -> type = value;
                case "nsp" -> namespace = value;
                case "data" -> data = value;
                case "id" -> id = value;
                default -> {
                    // socket.io-client sends {options: {compress}}; unknown keys are ignored like in Node
                }
            }
        }
        if (reader.remaining() > 0) {
            throw new MalformedPacketException("bad msgpack: " + reader.remaining() + " trailing bytes");
        }
        PacketType packetType = type != null && isInteger(type) && type.asDouble() >= 0 && type.asDouble() <= 4
                ? PacketType.fromNumber(type.asLong()) : null;
        if (packetType == null) {
            throw new MalformedPacketException("invalid packet type: " + type);
        }
        if (namespace == null || !namespace.isString() || !namespace.asString().startsWith("/")) {
            throw new MalformedPacketException("invalid namespace: " + namespace);
        }
        PayloadRules.check(packetType, namespace.asString(), data, maxNameLengthChars);
        if (id != null && !(isInteger(id) && id.asDouble() >= 0 && DoubleValue.fitsLong(id.asDouble()))) {
            throw new MalformedPacketException("invalid packet id: " + id);
        }
        return new Packet(packetType, namespace.asString(), id == null ? Packet.NO_ACK : id.asLong(), data);
    }

    private static boolean isInteger(Value v) {
        return v.kind() == ValueKind.LONG || v.kind() == ValueKind.DOUBLE && DoubleValue.fitsLong(v.asDouble());
    }
}
