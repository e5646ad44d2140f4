package io.tickwire.net.socketio.parser;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;

/**
 * The default parser's encoder: {@code <type>[<attachments>-][<nsp>,][<id>][JSON]} as one text frame, then
 * each binary attachment as a binary frame, byte-identical to socket.io-parser 4.2's Encoder. EVENT and
 * ACK packets whose data holds bytes go out as BINARY_EVENT / BINARY_ACK with
 * {@code {"_placeholder":true,"num":n}} in place of each byte array, numbered in document order.
 *
 * <p>Thread-safe: each thread reuses its own Jackson generator, whose output is redirected into the frame
 * being built, so steady-state encoding allocates only the frame and its {@link EncodedPacket} holder (plus
 * one digit string per double with more than 8 fraction digits, see {@link JsNumberText}).
 */
public final class JsonPacketEncoder implements PacketEncoder {
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .rootValueSeparator((String) null)
            .build();
    private static final int INITIAL_FRAME_BYTES = 128;

    private final ByteBufAllocator allocator;
    private final ThreadLocal<ThreadScratch> scratch = ThreadLocal.withInitial(ThreadScratch::new);

    /** @param allocator allocates the text frames */
    public JsonPacketEncoder(ByteBufAllocator allocator) {
        this.allocator = allocator;
    }

    @Override
    public ParserKind kind() {
        return ParserKind.DEFAULT;
    }

    @Override
    public EncodedPacket encode(Packet packet) {
        ThreadScratch s = scratch.get();
        PacketType type = packet.type().withoutBinary();
        Value data = packet.data();
        int attachmentCount = type == PacketType.EVENT || type == PacketType.ACK ? countBytes(data) : 0;
        boolean withPlaceholders = attachmentCount > 0;
        ByteBuf text = allocator.buffer(INITIAL_FRAME_BYTES);
        try {
            s.attachments.clear();
            if (withPlaceholders) {
                type = type == PacketType.EVENT ? PacketType.BINARY_EVENT : PacketType.BINARY_ACK;
                text.writeByte('0' + type.number());
                writeDecimal(text, attachmentCount);
                text.writeByte('-');
            } else {
                text.writeByte('0' + type.number());
            }
            String namespace = packet.namespace();
            if (!namespace.equals(Packet.MAIN_NAMESPACE)) {
                ByteBufUtil.writeUtf8(text, namespace);
                text.writeByte(',');
            }
            if (packet.hasAckId()) {
                writeDecimal(text, packet.ackId());
            }
            if (data != null && !data.isNull()) {
                s.writeJson(text, data, withPlaceholders);
            }
            if (s.attachments.isEmpty()) {
                EncodedPacket encoded = new EncodedPacket(text, true);
                text = null;
                return encoded;
            }
            ByteBuf[] attachments = new ByteBuf[s.attachments.size()];
            for (int i = 0; i < attachments.length; i++) {
                attachments[i] = Unpooled.wrappedBuffer(s.attachments.get(i));
            }
            EncodedPacket encoded = new EncodedPacket(text, attachments, true);
            text = null;
            return encoded;
        } finally {
            s.attachments.clear();
            if (text != null) {
                text.release();
                scratch.remove();
            }
        }
    }

    /** Appends {@code value} as JSON, a byte array as {@code JSON.stringify} writes a Node.js Buffer. */
    void writeJson(ByteBuf target, Value value) {
        scratch.get().writeJson(target, value, false);
    }

    private static void writeDecimal(ByteBuf out, long nonNegative) {
        if (nonNegative < 10) {
            out.writeByte((int) ('0' + nonNegative));
            return;
        }
        writeDecimal(out, nonNegative / 10);
        out.writeByte((int) ('0' + nonNegative % 10));
    }

    /** How many byte arrays {@code value} holds, at any depth (0 for null). */
    static int countBytes(Value value) {
        if (value == null) {
            return 0;
        }
        switch (value.kind()) {
            case BYTES:
                return 1;
            case LIST: {
                int count = 0;
                for (int i = 0, n = value.size(); i < n; i++) {
                    count += countBytes(value.get(i));
                }
                return count;
            }
            case MAP: {
                MapValue map = (MapValue) value;
                int count = 0;
                for (int i = 0, n = map.size(); i < n; i++) {
                    count += countBytes(map.valueAt(i));
                }
                return count;
            }
            default:
                return 0;
        }
    }

    /** One thread's generator and the attachments of the packet being encoded. */
    private static final class ThreadScratch {
        final RedirectableOutput output = new RedirectableOutput();
        final JsonGenerator generator;
        final ArrayList<byte[]> attachments = new ArrayList<>();
        final char[] numberChars = new char[JsNumberText.BUFFER_CHARS];

        ThreadScratch() {
            try {
                generator = FACTORY.createGenerator(output);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void writeJson(ByteBuf target, Value data, boolean withPlaceholders) {
            output.target = target;
            try {
                write(data, withPlaceholders);
                generator.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot happen: the output is a ByteBuf", e);
            } finally {
                output.target = null;
            }
        }

        private void write(Value value, boolean withPlaceholders) throws IOException {
            JsonGenerator g = generator;
            switch (value.kind()) {
                case NULL -> g.writeNull();
                case BOOLEAN -> g.writeBoolean(value.asBoolean());
                case LONG -> g.writeNumber(value.asLong());
                case DOUBLE -> writeDouble(value.asDouble());
                case STRING -> g.writeString(value.asString());
                case BYTES -> writeBytes(value.asBytes(), withPlaceholders);
                case LIST -> {
                    g.writeStartArray();
                    for (int i = 0, n = value.size(); i < n; i++) {
                        write(value.get(i), withPlaceholders);
                    }
                    g.writeEndArray();
                }
                case MAP -> {
                    MapValue map = (MapValue) value;
                    g.writeStartObject();
                    for (int i = 0, n = map.size(); i < n; i++) {
                        g.writeFieldName(map.keyAt(i));
                        write(map.valueAt(i), withPlaceholders);
                    }
                    g.writeEndObject();
                }
                default -> throw new AssertionError(value.kind());
            }
        }

        private void writeDouble(double d) throws IOException {
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                generator.writeNull();
            } else {
                generator.writeNumber(numberChars, 0, JsNumberText.write(d, numberChars));
            }
        }

        /** A placeholder in EVENT/ACK; elsewhere what JSON.stringify makes of a Node.js Buffer. */
        private void writeBytes(byte[] bytes, boolean withPlaceholders) throws IOException {
            JsonGenerator g = generator;
            g.writeStartObject();
            if (withPlaceholders) {
                g.writeFieldName("_placeholder");
                g.writeBoolean(true);
                g.writeFieldName("num");
                g.writeNumber(attachments.size());
                attachments.add(bytes);
            } else {
                g.writeFieldName("type");
                g.writeString("Buffer");
                g.writeFieldName("data");
                g.writeStartArray();
                for (byte b : bytes) {
                    g.writeNumber(b & 0xff);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
    }

    /** The generator's sink, pointed at the frame under construction for the duration of one packet. */
    private static final class RedirectableOutput extends java.io.OutputStream {
        ByteBuf target;

        @Override
        public void write(int b) {
            target.writeByte(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            target.writeBytes(bytes, offset, length);
        }
    }
}
