package io.tickwire.net.socketio.parser;

import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.core.buffer.ArrayBufferInput;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Reads msgpack into {@link Value}s with msgpack-core, giving what notepack.io's {@code decode} gives a
 * Node.js server: bin and ext type 0 are bytes (Buffer / ArrayBuffer), fixext 1 type 0 is {@code
 * undefined} (returned as Java {@code null}), fixext 8 type 0 is a Date (its epoch milliseconds here),
 * other extensions are {@code [type, bytes]}; integer map keys become strings.
 *
 * <p>Every announced length is checked against the bytes left before anything is allocated (a string,
 * bin or ext needs its length, an array one byte per element, a map two), and nesting and string lengths
 * are bounded by {@link ParserOptions}. One instance per thread: it reuses its unpacker and scratch space.
 */
final class MsgpackValueReader {
    private static final int KEY_CACHE_SLOTS = 64;
    private static final int MAX_CACHED_KEY_BYTES = 16;

    private final ArrayBufferInput input = new ArrayBufferInput(new byte[0]);
    private final MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(input);
    private final String[] keyCache = new String[KEY_CACHE_SLOTS];
    private final byte[][] keyCacheBytes = new byte[KEY_CACHE_SLOTS][];
    private final int maxNestingDepth;
    private final int maxStringLengthChars;
    private byte[] messageCopy = new byte[256];
    private byte[] stringBytes = new byte[256];
    private long length;

    MsgpackValueReader(ParserOptions options) {
        this.maxNestingDepth = options.maxNestingDepth();
        this.maxStringLengthChars = options.maxStringLengthChars();
    }

    /** A reused array of at least {@code size} bytes, to copy a direct buffer into before {@link #start}. */
    byte[] messageCopy(int size) {
        if (messageCopy.length < size) {
            messageCopy = new byte[Math.max(size, messageCopy.length * 2)];
        }
        return messageCopy;
    }

    /** Starts reading {@code length} bytes of {@code bytes} from {@code offset}. */
    void start(byte[] bytes, int offset, int length) throws IOException {
        input.reset(bytes, offset, length);
        unpacker.reset(input);
        this.length = length;
    }

    long remaining() {
        return length - unpacker.getTotalReadBytes();
    }

    MessageFormat nextFormat() throws IOException {
        if (remaining() <= 0) {
            throw new MalformedPacketException("bad msgpack: truncated");
        }
        return unpacker.getNextFormat();
    }

    int mapHeader() throws IOException {
        return checkCount(unpacker.unpackMapHeader(), 2);
    }

    /** A map key: a string, or an integer which JavaScript turns into its decimal string. */
    String key() throws IOException {
        MessageFormat format = nextFormat();
        switch (format.getValueType()) {
            case STRING:
                return string(true);
            case INTEGER:
                return Long.toString(unpacker.unpackLong());
            default:
                throw new MalformedPacketException("bad msgpack: unsupported map key of type " + format);
        }
    }

    /** The next value, or {@code null} for notepack's {@code undefined}. */
    Value value(int depth) throws IOException {
        MessageFormat format = nextFormat();
        switch (format) {
            case NEVER_USED:
                throw new MalformedPacketException("bad msgpack: the never-used byte 0xc1");
            case FIXEXT1: case FIXEXT2: case FIXEXT4: case FIXEXT8: case FIXEXT16:
            case EXT8: case EXT16: case EXT32:
                return extension(format);
            default:
                break;
        }
        switch (format.getValueType()) {
            case NIL:
                unpacker.unpackNil();
                return Value.NULL;
            case BOOLEAN:
                return Value.of(unpacker.unpackBoolean());
            case INTEGER:
                if (format == MessageFormat.UINT64) {
                    BigInteger big = unpacker.unpackBigInteger();
                    return big.bitLength() < 64 ? Value.of(big.longValue()) : Value.of(big.doubleValue());
                }
                return Value.of(unpacker.unpackLong());
            case FLOAT:
                return Value.of(unpacker.unpackDouble());
            case STRING:
                return new StringValue(string(false));
            case BINARY:
                return new BytesValue(payload(unpacker.unpackBinaryHeader()));
            case ARRAY: {
                int n = checkCount(unpacker.unpackArrayHeader(), 1);
                checkDepth(depth);
                Value[] items = new Value[n];
                for (int i = 0; i < n; i++) {
                    Value item = value(depth + 1);
                    items[i] = item == null ? Value.NULL : item;
                }
                return ListValue.wrap(items);
            }
            case MAP: {
                int n = mapHeader();
                checkDepth(depth);
                MapValue.Builder map = MapValue.builder();
                for (int i = 0; i < n; i++) {
                    String key = key();
                    Value item = value(depth + 1);
                    if (item != null) {
                        map.put(key, item);
                    }
                }
                return map.build();
            }
            default:
                throw new MalformedPacketException("bad msgpack: unsupported format " + format);
        }
    }

    private Value extension(MessageFormat format) throws IOException {
        ExtensionTypeHeader header = unpacker.unpackExtensionTypeHeader();
        int type = header.getType();
        byte[] bytes = payload(header.getLength());
        boolean fixed = format != MessageFormat.EXT8 && format != MessageFormat.EXT16 && format != MessageFormat.EXT32;
        if (type == 0 && !fixed) {
            return new BytesValue(bytes);
        }
        if (type == 0 && format == MessageFormat.FIXEXT1) {
            return null;
        }
        if (type == 0 && format == MessageFormat.FIXEXT8) {
            long millis = 0;
            for (byte b : bytes) {
                millis = millis << 8 | (b & 0xff);
            }
            return Value.of(millis);
        }
        return Value.list(Value.of(type), new BytesValue(bytes));
    }

    private String string(boolean cacheable) throws IOException {
        int n = checkLength(unpacker.unpackRawStringHeader());
        if (stringBytes.length < n) {
            stringBytes = new byte[Math.max(n, stringBytes.length * 2)];
        }
        byte[] bytes = stringBytes;
        unpacker.readPayload(bytes, 0, n);
        if (cacheable && n <= MAX_CACHED_KEY_BYTES) {
            return cachedKey(bytes, n);
        }
        if (n > maxStringLengthChars) {
            String s = new String(bytes, 0, n, StandardCharsets.UTF_8);
            if (s.length() > maxStringLengthChars) {
                throw new MalformedPacketException("bad msgpack: string longer than maxStringLengthChars "
                        + maxStringLengthChars);
            }
            return s;
        }
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }

    /** Map keys repeat from message to message: a small direct-mapped cache spares their allocation. */
    private String cachedKey(byte[] bytes, int n) {
        int hash = n;
        for (int i = 0; i < n; i++) {
            hash = hash * 31 + bytes[i];
        }
        int slot = (hash ^ hash >>> 16) & (KEY_CACHE_SLOTS - 1);
        byte[] cached = keyCacheBytes[slot];
        if (cached != null && cached.length == n && java.util.Arrays.equals(cached, 0, n, bytes, 0, n)) {
            return keyCache[slot];
        }
        String key = new String(bytes, 0, n, StandardCharsets.UTF_8);
        keyCacheBytes[slot] = java.util.Arrays.copyOf(bytes, n);
        keyCache[slot] = key;
        return key;
    }

    private byte[] payload(int n) throws IOException {
        return unpacker.readPayload(checkLength(n));
    }

    private int checkLength(int announced) {
        if (announced < 0 || announced > remaining()) {
            throw new MalformedPacketException("bad msgpack: length " + Integer.toUnsignedString(announced)
                    + " larger than the " + remaining() + " bytes present");
        }
        return announced;
    }

    private int checkCount(int announced, int minBytesEach) {
        if (announced < 0 || (long) announced * minBytesEach > remaining()) {
            throw new MalformedPacketException("bad msgpack: " + Integer.toUnsignedString(announced)
                    + " elements announced but only " + remaining() + " bytes present");
        }
        return announced;
    }

    private void checkDepth(int depth) {
        if (depth >= maxNestingDepth) {
            throw new MalformedPacketException("bad msgpack: nested deeper than maxNestingDepth " + maxNestingDepth);
        }
    }

    /** Wraps msgpack-core's own errors (truncation, bad formats) as malformed packets. */
    static MalformedPacketException malformed(Exception e) {
        return e instanceof MalformedPacketException m ? m
                : new MalformedPacketException("bad msgpack: " + e.getMessage(), e);
    }

    static boolean isMsgpackError(Exception e) {
        return e instanceof MessagePackException || e instanceof IOException;
    }
}
