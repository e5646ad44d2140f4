package io.tickwire.net.socketio.parser;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * Finds, without decoding it into {@link Value}s, the namespace, event name and first argument of a msgpack
 * EVENT packet whose first argument is binary: {@code {type: 2, nsp, data: [name, <bin>, ...]}} in any key
 * order, without an ack id. For a client that reads a stream of binary events (game state) straight from the
 * received frame.
 *
 * <p>It only says yes to packets that {@link MsgpackPacketDecoder} would accept as the same EVENT: integer
 * type 2 as a fixint, a string namespace, a name that is neither reserved nor longer than
 * {@link ParserOptions#maxNameLengthChars()}, remaining arguments of plain msgpack (nil, booleans, numbers,
 * strings within {@link ParserOptions#maxStringLengthChars()}, bin, arrays and maps with string or integer
 * keys, nested at most {@link ParserOptions#maxNestingDepth()}), no trailing bytes. Anything else (an ack
 * id, other keys, extensions, malformed input) is a plain "no": the caller then hands the message to the
 * ordinary decoder, which decodes it or reports it as malformed. Never throws on any input.
 *
 * <p>Not thread-safe: one per connection (or per event loop), reused for every message.
 */
public final class MsgpackEventPeek {
    private static final byte[] TYPE = ascii("type");
    private static final byte[] NSP = ascii("nsp");
    private static final byte[] DATA = ascii("data");
    /** {@link PayloadRules#RESERVED_EVENTS}, as the bytes a name is compared with. */
    private static final byte[][] RESERVED = new byte[PayloadRules.RESERVED_EVENTS.length][];

    static {
        for (int i = 0; i < RESERVED.length; i++) {
            RESERVED[i] = ascii(PayloadRules.RESERVED_EVENTS[i]);
        }
    }

    private final int maxNameLengthChars;
    private final int maxStringLengthChars;
    private final int maxNestingDepth;
    private ByteBuf message;
    private int pos;
    private int end;
    private int namespaceIndex;
    private int namespaceLength;
    private int nameIndex;
    private int nameLength;
    private int payloadIndex;
    private int payloadLength;

    public MsgpackEventPeek(ParserOptions options) {
        this.maxNameLengthChars = options.maxNameLengthChars();
        this.maxStringLengthChars = options.maxStringLengthChars();
        this.maxNestingDepth = options.maxNestingDepth();
    }

    /**
     * Reads {@code message} (borrowed, not retained; indexes not moved) and says whether it is such an event;
     * the accessors below describe it until the next call.
     */
    public boolean read(ByteBuf message) {
        this.message = message;
        this.pos = message.readerIndex();
        this.end = message.writerIndex();
        boolean typeSeen = false;
        boolean namespaceSeen = false;
        boolean dataSeen = false;
        long entries = mapHeader();
        if (entries < 0) {
            return false;
        }
        for (long i = 0; i < entries; i++) {
            int keyLength = stringHeader();
            if (keyLength < 0) {
                return false;
            }
            int key = pos;
            pos += keyLength;
            if (!typeSeen && equalsAt(key, keyLength, TYPE)) {
                typeSeen = true;
                if (pos >= end || message.getByte(pos++) != PacketType.EVENT.number()) {
                    return false;
                }
            } else if (!namespaceSeen && equalsAt(key, keyLength, NSP)) {
                namespaceSeen = true;
                namespaceLength = stringHeader();
                namespaceIndex = pos;
                if (namespaceLength <= 0 || namespaceLength > maxNameLengthChars || message.getByte(pos) != '/') {
                    return false;
                }
                pos += namespaceLength;
            } else if (!dataSeen && equalsAt(key, keyLength, DATA)) {
                dataSeen = true;
                if (!readData()) {
                    return false;
                }
            } else {
                return false; // an ack id, a duplicate or an unknown key: left to the full decoder
            }
        }
        return typeSeen && namespaceSeen && dataSeen && pos == end;
    }

    /** Whether the namespace is {@code utf8} (a namespace's UTF-8 bytes). */
    public boolean namespaceIs(byte[] utf8) {
        return equalsAt(namespaceIndex, namespaceLength, utf8);
    }

    /** Whether the event name is {@code utf8} (a name's UTF-8 bytes). */
    public boolean nameIs(byte[] utf8) {
        return equalsAt(nameIndex, nameLength, utf8);
    }

    /** The binary first argument: a slice of the message, borrowed like the message itself. */
    public ByteBuf payload() {
        return message.slice(payloadIndex, payloadLength);
    }

    private boolean readData() {
        long items = arrayHeader();
        if (items < 2) {
            return false;
        }
        nameLength = stringHeader();
        nameIndex = pos;
        if (nameLength < 0 || nameLength > maxNameLengthChars || isReserved()) {
            return false;
        }
        pos += nameLength;
        payloadLength = binaryHeader();
        payloadIndex = pos;
        if (payloadLength < 0) {
            return false;
        }
        pos += payloadLength;
        for (long i = 2; i < items; i++) {
            if (!skipValue(1)) {
                return false;
            }
        }
        return pos <= end;
    }

    private boolean isReserved() {
        for (byte[] reserved : RESERVED) {
            if (equalsAt(nameIndex, nameLength, reserved)) {
                return true;
            }
        }
        return false;
    }

    private boolean skipValue(int depth) {
        if (pos >= end) {
            return false;
        }
        int b = message.getByte(pos) & 0xff;
        if (b <= 0x7f || b >= 0xe0 || b == 0xc0 || b == 0xc2 || b == 0xc3) {
            pos++;
            return true;
        }
        switch (b) {
            case 0xcc, 0xd0 -> pos += 2;
            case 0xcd, 0xd1 -> pos += 3;
            case 0xca, 0xce, 0xd2 -> pos += 5;
            case 0xcb, 0xcf, 0xd3 -> pos += 9;
            default -> {
                return skipContainerOrBytes(b, depth);
            }
        }
        return pos <= end;
    }

    private boolean skipContainerOrBytes(int b, int depth) {
        if ((b & 0xe0) == 0xa0 || b == 0xd9 || b == 0xda || b == 0xdb) {
            int length = stringHeader();
            if (length < 0 || length > maxStringLengthChars) {
                return false;
            }
            pos += length;
            return pos <= end;
        }
        if (b == 0xc4 || b == 0xc5 || b == 0xc6) {
            int length = binaryHeader();
            if (length < 0) {
                return false;
            }
            pos += length;
            return true;
        }
        if (depth >= maxNestingDepth) {
            return false;
        }
        if ((b & 0xf0) == 0x90 || b == 0xdc || b == 0xdd) {
            long items = arrayHeader();
            for (long i = 0; i < items; i++) {
                if (!skipValue(depth + 1)) {
                    return false;
                }
            }
            return items >= 0;
        }
        long entries = mapHeader();
        for (long i = 0; i < entries; i++) {
            int key = pos < end ? message.getByte(pos) & 0xff : -1;
            boolean stringKey = (key & 0xe0) == 0xa0 || key == 0xd9 || key == 0xda || key == 0xdb;
            boolean integerKey = key >= 0 && (key <= 0x7f || key >= 0xe0 || key >= 0xcc && key <= 0xd3);
            if (!(stringKey || integerKey) || !skipValue(depth + 1) || !skipValue(depth + 1)) {
                return false;
            }
        }
        return entries >= 0;
    }

    /** A map header's entry count, -1 if the next value is no map or announces more than the bytes left. */
    private long mapHeader() {
        long count = header(0xf0, 0x80, -1, 0xde, 0xdf);
        return count >= 0 && count <= (end - pos) / 2 ? count : -1;
    }

    /** An array header's item count, -1 if the next value is no array or announces more than the bytes left. */
    private long arrayHeader() {
        long count = header(0xf0, 0x90, -1, 0xdc, 0xdd);
        return count >= 0 && count <= end - pos ? count : -1;
    }

    /** A string header's byte length, -1 if the next value is no string or longer than the bytes left. */
    private int stringHeader() {
        long length = header(0xe0, 0xa0, 0xd9, 0xda, 0xdb);
        return length >= 0 && length <= end - pos ? (int) length : -1;
    }

    /** A bin header's byte length, -1 if the next value is no bin or longer than the bytes left. */
    private int binaryHeader() {
        long length = header(0, -1, 0xc4, 0xc5, 0xc6);
        return length >= 0 && length <= end - pos ? (int) length : -1;
    }

    /**
     * Reads the header at {@code pos} of a format with a fixed form (the byte's bits under {@code fixMask} equal
     * {@code fixTag}, the count in the others) and 8, 16 and 32-bit forms ({@code tag8} -1 where there is none):
     * its count or length, and moves past it; -1, not moving, for any other byte.
     */
    private long header(int fixMask, int fixTag, int tag8, int tag16, int tag32) {
        if (pos >= end) {
            return -1;
        }
        int b = message.getByte(pos) & 0xff;
        if ((b & fixMask) == fixTag) {
            pos++;
            return b & ~fixMask;
        }
        int size = b == tag8 ? 1 : b == tag16 ? 2 : b == tag32 ? 4 : -1;
        if (size < 0) {
            return -1;
        }
        long value = unsigned(pos + 1, size);
        pos += 1 + size;
        return value;
    }

    /** {@code size} big-endian bytes at {@code index}; Long.MAX_VALUE (too long for anything) past the end. */
    private long unsigned(int index, int size) {
        if (index + size > end) {
            return Long.MAX_VALUE;
        }
        long value = 0;
        for (int i = 0; i < size; i++) {
            value = value << 8 | (message.getByte(index + i) & 0xff);
        }
        return value;
    }

    private boolean equalsAt(int index, int length, byte[] expected) {
        if (length != expected.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (message.getByte(index + i) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
