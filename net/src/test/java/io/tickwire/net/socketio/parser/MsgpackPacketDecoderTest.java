package io.tickwire.net.socketio.parser;

import io.netty.buffer.ByteBufAllocator;
import io.tickwire.net.socketio.parser.JsonPacketDecoderTest.BadInput;
import io.tickwire.net.socketio.parser.NpmParsers.Frame;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.tickwire.net.socketio.parser.JsonPacketDecoderTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The msgpack parser's decoder: every refusal, the limits, and what notepack.io extras read as. */
class MsgpackPacketDecoderTest {
    private static final PacketParsers PARSERS = new PacketParsers(ParserOptions.defaults(), ByteBufAllocator.DEFAULT);
    private static NpmParsers npm;

    @BeforeAll
    static void startNode() throws InterruptedException {
        npm = new NpmParsers();
    }

    @AfterAll
    static void stopNode() {
        npm.close();
    }

    /** Writes msgpack by hand, so that inputs can be as wrong as needed. */
    interface Writer {
        void write(MessageBufferPacker p) throws IOException;
    }

    static byte[] msgpack(Writer writer) {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            writer.write(p);
            return p.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {type, nsp, data} with a data writer. */
    static byte[] packet(int type, String nsp, Writer data) {
        return msgpack(p -> {
            p.packMapHeader(3);
            p.packString("type").packInt(type);
            p.packString("nsp").packString(nsp);
            p.packString("data");
            data.write(p);
        });
    }

    static Writer event(String name) {
        return p -> p.packArrayHeader(1).packString(name);
    }

    static List<BadInput> badInputs() {
        List<BadInput> inputs = new ArrayList<>();
        byte[] valid = packet(2, "/", event("a"));
        bad(inputs, "text message", List.of(new Frame(false, "2[\"a\"]".getBytes())), "text message", false);
        bad(inputs, "not a map", msgpack(p -> p.packArrayHeader(1).packInt(2)), "invalid packet type", true);
        bad(inputs, "binary event type", packet(5, "/", event("a")), "invalid packet type", true);
        bad(inputs, "type as a string", msgpack(p -> p.packMapHeader(2).packString("type").packString("2")
                .packString("nsp").packString("/")), "invalid packet type", true);
        bad(inputs, "type with a fraction", msgpack(p -> p.packMapHeader(2).packString("type").packDouble(2.5)
                .packString("nsp").packString("/")), "invalid packet type", true);
        bad(inputs, "no namespace", msgpack(p -> p.packMapHeader(2).packString("type").packInt(2)
                .packString("data").packArrayHeader(1).packString("a")), "invalid namespace", true);
        bad(inputs, "namespace as a number", msgpack(p -> p.packMapHeader(2).packString("type").packInt(1)
                .packString("nsp").packInt(1)), "invalid namespace", true);
        bad(inputs, "namespace without a slash", packet(2, "admin", event("a")), "invalid namespace", false);
        bad(inputs, "event that is a map", packet(2, "/", p -> p.packMapHeader(0)), "non-empty array", true);
        bad(inputs, "event that is empty", packet(2, "/", p -> p.packArrayHeader(0)), "non-empty array", false);
        bad(inputs, "event with a reserved name", packet(2, "/", event("disconnecting")), "reserved event name", false);
        bad(inputs, "connect with an array", packet(0, "/", p -> p.packArrayHeader(0)), "object or absent", true);
        bad(inputs, "disconnect with data", packet(1, "/", p -> p.packMapHeader(0)), "must not carry data", true);
        bad(inputs, "connect error with a number", packet(4, "/", p -> p.packInt(3)), "object or a string", true);
        bad(inputs, "ack id as a string", msgpack(p -> p.packMapHeader(4).packString("type").packInt(3)
                .packString("nsp").packString("/").packString("data").packArrayHeader(0)
                .packString("id").packString("1")), "invalid packet id", true);
        bad(inputs, "ack id with a fraction", msgpack(p -> p.packMapHeader(4).packString("type").packInt(3)
                .packString("nsp").packString("/").packString("data").packArrayHeader(0)
                .packString("id").packDouble(1.5)), "invalid packet id", true);
        bad(inputs, "negative ack id", msgpack(p -> p.packMapHeader(4).packString("type").packInt(3)
                .packString("nsp").packString("/").packString("data").packArrayHeader(0)
                .packString("id").packInt(-1)), "invalid packet id", false);
        bad(inputs, "truncated", Arrays.copyOf(valid, valid.length - 1), "bad msgpack", true);
        bad(inputs, "trailing bytes", Arrays.copyOf(valid, valid.length + 1), "trailing bytes", true);
        bad(inputs, "the never-used byte", new byte[] {(byte) 0xc1}, "never-used", true);
        bad(inputs, "string longer than the bytes present", packet(2, "/", p -> p.packArrayHeader(1)
                .writePayload(new byte[] {(byte) 0xdb, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 'a'})), "larger than the", true);
        bad(inputs, "bin longer than the bytes present", packet(2, "/", p -> p.packArrayHeader(2).packString("a")
                .packBinaryHeader(200)), "larger than the", true);
        bad(inputs, "array longer than the bytes present", packet(2, "/", p -> p.packArrayHeader(60000)
                .packString("a")), "elements announced", true);
        bad(inputs, "map longer than the bytes present (2^31)", packet(2, "/", p -> p.packArrayHeader(2)
                .packString("a").packMapHeader(Integer.MAX_VALUE)), "elements announced", false);
        bad(inputs, "ext longer than the bytes present", packet(2, "/", p -> p.packArrayHeader(2).packString("a")
                .packExtensionTypeHeader((byte) 0, 1000)), "larger than the", true);
        bad(inputs, "nesting deeper than maxNestingDepth", packet(2, "/", p -> {
            p.packArrayHeader(2).packString("a");
            for (int i = 0; i < 64; i++) {
                p.packArrayHeader(1);
            }
            p.packNil();
        }), "maxNestingDepth", false);
        return inputs;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void refusesMalformedInputAndStaysCorrupt(BadInput input) throws InterruptedException {
        PacketDecoder decoder = PARSERS.newDecoder(ParserKind.MSGPACK);
        MalformedPacketException error = assertThrows(MalformedPacketException.class, () -> Frames.decode(decoder, input.frames()));
        assertContains(input.message(), error);
        MalformedPacketException later = assertThrows(MalformedPacketException.class,
                () -> Frames.decodeOne(decoder, packet(2, "/", event("fine")), true));
        assertContains("corrupt", later);
        if (input.npmRefusesToo()) {
            assertNotNull(npm.decode(ParserKind.MSGPACK, input.frames()).error(), "socket.io-msgpack-parser accepted it");
        }
    }

    @Test
    void acceptsTheDeepestAllowedNestingAndRefusesLongStrings() {
        byte[] deepest = packet(2, "/", p -> {
            p.packArrayHeader(2).packString("a");
            for (int i = 0; i < 63; i++) {
                p.packArrayHeader(1);
            }
            p.packNil();
        });
        assertEquals("a", Frames.decodeOne(PARSERS.newDecoder(ParserKind.MSGPACK), deepest, true).data().get(0).asString());

        PacketParsers strict = new PacketParsers(ParserOptions.builder().maxStringLengthChars(8).build(), ByteBufAllocator.DEFAULT);
        assertEquals("12345678", Frames.decodeOne(strict.newDecoder(ParserKind.MSGPACK),
                packet(2, "/", event("12345678")), true).data().get(0).asString());
        assertContains("maxStringLengthChars", assertThrows(MalformedPacketException.class,
                () -> Frames.decodeOne(strict.newDecoder(ParserKind.MSGPACK), packet(2, "/", event("123456789")), true)));
    }

    @Test
    void readsNotepackExtrasAsNodeWouldSeeThem() {
        byte[] bytes = msgpack(p -> {
            p.packMapHeader(5);
            p.packString("type").packInt(2);
            p.packString("data").packArrayHeader(6).packString("e");
            p.writePayload(new byte[] {(byte) 0xc7, 2, 0, 1, 2});                      // browser ArrayBuffer: ext 8
            p.packExtensionTypeHeader((byte) 0, 1).writePayload(new byte[] {0});         // undefined in an array
            p.packMapHeader(2).packString("gone");
            p.packExtensionTypeHeader((byte) 0, 1).writePayload(new byte[] {0});         // undefined property
            p.packInt(7).packString("int key");
            p.packExtensionTypeHeader((byte) 0, 8).writePayload(new byte[] {0, 0, 0, 0, 0, 0, 3, (byte) 0xe8}); // Date
            p.packExtensionTypeHeader((byte) 5, 1).writePayload(new byte[] {9});         // another extension
            p.packString("options").packMapHeader(1).packString("compress").packBoolean(true);
            p.packString("id");
            p.packExtensionTypeHeader((byte) 0, 1).writePayload(new byte[] {0});         // id: undefined
            p.packString("nsp").packString("/");
        });
        Packet packet = Frames.decodeOne(PARSERS.newDecoder(ParserKind.MSGPACK), bytes, true);
        assertEquals(Packet.event("/", Packet.NO_ACK, Value.list(Value.of("e"), Value.of(new byte[] {1, 2}), Value.NULL,
                Value.map("7", "int key"), Value.of(1000), Value.list(Value.of(5), Value.of(new byte[] {9})))), packet);
    }

    @Test
    void treatsUndefinedConnectDataAsAbsent() {
        byte[] bytes = msgpack(p -> {
            p.packMapHeader(3).packString("type").packInt(0);
            p.packString("data").packExtensionTypeHeader((byte) 0, 1).writePayload(new byte[] {0});
            p.packString("nsp").packString("/admin");
        });
        assertEquals(Packet.connect("/admin", null), Frames.decodeOne(PARSERS.newDecoder(ParserKind.MSGPACK), bytes, true));
    }

    private static void bad(List<BadInput> inputs, String name, byte[] bytes, String message, boolean npmRefusesToo) {
        bad(inputs, name, List.of(new Frame(true, bytes)), message, npmRefusesToo);
    }

    private static void bad(List<BadInput> inputs, String name, List<Frame> frames, String message, boolean npmRefusesToo) {
        inputs.add(new BadInput(name, frames, message, npmRefusesToo));
    }
}
