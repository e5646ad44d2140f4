package io.tickwire.net.socketio.parser;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;

import java.nio.charset.StandardCharsets;

/**
 * The msgpack parser's encoder: the packet as one msgpack map in one binary frame, byte-identical to what
 * socket.io-msgpack-parser 3.0.2 (notepack.io 2.2) writes for the packet a socket.io 4.8 server builds for
 * an event: keys in the order {@code type, data, id, nsp}, {@code data} and {@code id} left out when absent.
 *
 * <p>notepack.io's choices are followed: the smallest int format (unsigned ones for non-negative numbers),
 * integral doubles as integers, other numbers as float 64, str 8/16/32 by UTF-8 length, bytes as bin
 * (what a Node.js Buffer gives). The frame is sized exactly before writing, so encoding allocates it and
 * nothing else. Thread-safe and stateless.
 */
public final class MsgpackPacketEncoder implements PacketEncoder {
    private static final byte[] TYPE = key("type");
    private static final byte[] DATA = key("data");
    private static final byte[] ID = key("id");
    private static final byte[] NSP = key("nsp");
    private static final double LONG_LIMIT = 0x1p63;

    private final ByteBufAllocator allocator;

    /** @param allocator allocates the frames */
    public MsgpackPacketEncoder(ByteBufAllocator allocator) {
        this.allocator = allocator;
    }

    @Override
    public ParserKind kind() {
        return ParserKind.MSGPACK;
    }

    @Override
    public EncodedPacket encode(Packet packet) {
        Value data = packet.data();
        int type = packet.type().withoutBinary().number();
        int entries = 2 + (data != null ? 1 : 0) + (packet.hasAckId() ? 1 : 0);
        int size = 1 + TYPE.length + 1 + NSP.length + stringSize(packet.namespace());
        if (data != null) {
            size += DATA.length + size(data);
        }
        if (packet.hasAckId()) {
            size += ID.length + longSize(packet.ackId());
        }
        ByteBuf frame = allocator.buffer(size, size);
        try {
            frame.writeByte(0x80 | entries);
            frame.writeBytes(TYPE).writeByte(type);
            if (data != null) {
                frame.writeBytes(DATA);
                write(frame, data);
            }
            if (packet.hasAckId()) {
                frame.writeBytes(ID);
                writeLong(frame, packet.ackId());
            }
            frame.writeBytes(NSP);
            writeString(frame, packet.namespace());
            EncodedPacket encoded = new EncodedPacket(new ByteBuf[] {frame}, false);
            frame = null;
            return encoded;
        } finally {
            if (frame != null) {
                frame.release();
            }
        }
    }

    private static byte[] key(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        byte[] encoded = new byte[utf8.length + 1];
        encoded[0] = (byte) (0xa0 | utf8.length);
        System.arraycopy(utf8, 0, encoded, 1, utf8.length);
        return encoded;
    }

    private static boolean writtenAsInteger(double d) {
        return d == Math.rint(d) && d > -LONG_LIMIT && d < LONG_LIMIT;
    }

    static int size(Value value) {
        switch (value.kind()) {
            case NULL:
            case BOOLEAN:
                return 1;
            case LONG:
                return longSize(value.asLong());
            case DOUBLE: {
                double d = value.asDouble();
                return writtenAsInteger(d) ? longSize((long) d) : 9;
            }
            case STRING:
                return stringSize(value.asString());
            case BYTES: {
                int n = value.asBytes().length;
                return n + (n < 0x100 ? 2 : n < 0x10000 ? 3 : 5);
            }
            case LIST: {
                int n = value.size();
                int total = headerSize(n, 0x10);
                for (int i = 0; i < n; i++) {
                    total += size(value.get(i));
                }
                return total;
            }
            case MAP: {
                MapValue map = (MapValue) value;
                int n = map.size();
                int total = headerSize(n, 0x10);
                for (int i = 0; i < n; i++) {
                    total += stringSize(map.keyAt(i)) + size(map.valueAt(i));
                }
                return total;
            }
            default:
                throw new AssertionError(value.kind());
        }
    }

    private static int headerSize(int count, int fixLimit) {
        return count < fixLimit ? 1 : count < 0x10000 ? 3 : 5;
    }

    private static int stringSize(String s) {
        int n = ByteBufUtil.utf8Bytes(s);
        return n + (n < 0x20 ? 1 : n < 0x100 ? 2 : n < 0x10000 ? 3 : 5);
    }

    private static int longSize(long v) {
        if (v >= 0) {
            return v < 0x80 ? 1 : v < 0x100 ? 2 : v < 0x10000 ? 3 : v < 0x100000000L ? 5 : 9;
        }
        return v >= -0x20 ? 1 : v >= -0x80 ? 2 : v >= -0x8000 ? 3 : v >= -0x80000000L ? 5 : 9;
    }

    static void write(ByteBuf out, Value value) {
        switch (value.kind()) {
            case NULL -> out.writeByte(0xc0);
            case BOOLEAN -> out.writeByte(value.asBoolean() ? 0xc3 : 0xc2);
            case LONG -> writeLong(out, value.asLong());
            case DOUBLE -> {
                double d = value.asDouble();
                if (writtenAsInteger(d)) {
                    writeLong(out, (long) d);
                } else {
                    out.writeByte(0xcb).writeDouble(d);
                }
            }
            case STRING -> writeString(out, value.asString());
            case BYTES -> {
                byte[] bytes = value.asBytes();
                int n = bytes.length;
                if (n < 0x100) {
                    out.writeByte(0xc4).writeByte(n);
                } else if (n < 0x10000) {
                    out.writeByte(0xc5).writeShort(n);
                } else {
                    out.writeByte(0xc6).writeInt(n);
                }
                out.writeBytes(bytes);
            }
            case LIST -> {
                int n = value.size();
                writeHeader(out, n, 0x90, 0xdc, 0xdd);
                for (int i = 0; i < n; i++) {
                    write(out, value.get(i));
                }
            }
            case MAP -> {
                MapValue map = (MapValue) value;
                int n = map.size();
                writeHeader(out, n, 0x80, 0xde, 0xdf);
                for (int i = 0; i < n; i++) {
                    writeString(out, map.keyAt(i));
                    write(out, map.valueAt(i));
                }
            }
            default -> throw new AssertionError(value.kind());
        }
    }

    private static void writeHeader(ByteBuf out, int count, int fix, int sixteen, int thirtyTwo) {
        if (count < 0x10) {
            out.writeByte(fix | count);
        } else if (count < 0x10000) {
            out.writeByte(sixteen).writeShort(count);
        } else {
            out.writeByte(thirtyTwo).writeInt(count);
        }
    }

    private static void writeString(ByteBuf out, String s) {
        int n = ByteBufUtil.utf8Bytes(s);
        if (n < 0x20) {
            out.writeByte(0xa0 | n);
        } else if (n < 0x100) {
            out.writeByte(0xd9).writeByte(n);
        } else if (n < 0x10000) {
            out.writeByte(0xda).writeShort(n);
        } else {
            out.writeByte(0xdb).writeInt(n);
        }
        ByteBufUtil.reserveAndWriteUtf8(out, s, n);
    }

    private static void writeLong(ByteBuf out, long v) {
        if (v >= 0) {
            if (v < 0x80) {
                out.writeByte((int) v);
            } else if (v < 0x100) {
                out.writeByte(0xcc).writeByte((int) v);
            } else if (v < 0x10000) {
                out.writeByte(0xcd).writeShort((int) v);
            } else if (v < 0x100000000L) {
                out.writeByte(0xce).writeInt((int) v);
            } else {
                out.writeByte(0xcf).writeLong(v);
            }
        } else if (v >= -0x20) {
            out.writeByte((int) v);
        } else if (v >= -0x80) {
            out.writeByte(0xd0).writeByte((int) v);
        } else if (v >= -0x8000) {
            out.writeByte(0xd1).writeShort((int) v);
        } else if (v >= -0x80000000L) {
            out.writeByte(0xd2).writeInt((int) v);
        } else {
            out.writeByte(0xd3).writeLong(v);
        }
    }
}
