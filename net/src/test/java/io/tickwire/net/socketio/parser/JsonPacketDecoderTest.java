package io.tickwire.net.socketio.parser;

import io.netty.buffer.ByteBufAllocator;
import io.tickwire.net.socketio.parser.NpmParsers.Frame;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default parser's decoder: its state machine, every refusal, and its limits. */
class JsonPacketDecoderTest {
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

    /**
     * A message sequence we refuse with {@code message} in the error; {@code npmRefusesToo} is false where
     * we are deliberately stricter than socket.io-parser 4.2 (documented in {@link PayloadRules}).
     */
    record BadInput(String name, List<Frame> frames, String message, boolean npmRefusesToo) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<BadInput> badInputs() {
        List<BadInput> inputs = new ArrayList<>();
        bad(inputs, "unknown type digit", "7[\"a\"]", "unknown packet type", true);
        bad(inputs, "unknown type character", "x[\"a\"]", "unknown packet type", true);
        bad(inputs, "binary without attachment count", "5-[\"a\"]", "Illegal attachments", true);
        bad(inputs, "binary without dash", "51[\"a\"]", "Illegal attachments", true);
        bad(inputs, "binary with zero attachments", "50-[\"a\"]", "Illegal attachments", true);
        bad(inputs, "too many attachments", "511-[\"a\"]", "too many attachments", true);
        bad(inputs, "bad JSON", "2[\"a\"", "bad JSON", true);
        bad(inputs, "JSON with a trailing value", "2[\"a\"][1]", "invalid payload", true);
        bad(inputs, "namespace without a slash", "2admin,[\"a\"]", "invalid payload", true);
        bad(inputs, "event that is an object", "2{\"a\":1}", "non-empty array", true);
        bad(inputs, "event that is empty", "2[]", "non-empty array", true);
        bad(inputs, "event named by an object", "2[{}]", "string or a number", true);
        bad(inputs, "event with a reserved name", "2[\"connect\"]", "reserved event name", true);
        bad(inputs, "binary event with a reserved name", List.of(text("51-[\"disconnect\",{\"_placeholder\":true,\"num\":0}]"),
                binary(1)), "reserved event name", true);
        bad(inputs, "connect with an array", "0[]", "object or absent", true);
        bad(inputs, "connect with a string", "0\"x\"", "object or absent", true);
        bad(inputs, "disconnect with data", "1{}", "must not carry data", true);
        bad(inputs, "ack that is not an array", "3{}", "must be an array", true);
        bad(inputs, "connect error with an array", "4[]", "object or a string", true);
        bad(inputs, "binary data first", List.of(binary(1, 2)), "got binary data when not reconstructing", true);
        bad(inputs, "text while attachments are pending", List.of(text("51-[\"a\",{\"_placeholder\":true,\"num\":0}]"),
                text("2[\"b\"]")), "got plaintext data when reconstructing", true);
        bad(inputs, "placeholder beyond the attachments", List.of(text("51-[\"a\",{\"_placeholder\":true,\"num\":1}]"),
                binary(1)), "illegal attachments", true);
        bad(inputs, "placeholder with a string num", List.of(text("51-[\"a\",{\"_placeholder\":true,\"num\":\"0\"}]"),
                binary(1)), "illegal attachments", true);
        bad(inputs, "event without data (spec: payload mandatory)", "2", "non-empty array", false);
        bad(inputs, "ack without data (spec: payload mandatory)", "3/admin,5", "must be an array", false);
        bad(inputs, "connect error without data", "4", "object or a string", false);
        bad(inputs, "ack id beyond a long", "212345678901234567890[\"a\"]", "ack id too large", false);
        bad(inputs, "nesting deeper than maxNestingDepth",
                "2[\"a\"," + "[".repeat(64) + "]".repeat(64) + "]", "limit exceeded", false);
        return inputs;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void refusesMalformedInputAndStaysCorrupt(BadInput input) throws InterruptedException {
        PacketDecoder decoder = PARSERS.newDecoder(ParserKind.DEFAULT);
        MalformedPacketException error = assertThrows(MalformedPacketException.class, () -> Frames.decode(decoder, input.frames()));
        assertContains(input.message(), error);
        MalformedPacketException later = assertThrows(MalformedPacketException.class,
                () -> Frames.decodeText(decoder, "2[\"fine\"]"));
        assertContains("corrupt", later);
        if (input.npmRefusesToo()) {
            assertNotNull(npm.decode(ParserKind.DEFAULT, input.frames()).error(), "socket.io-parser accepted it");
        }
    }

    @Test
    void acceptsExactlyMaxAttachmentsAndTheDeepestAllowedNesting() {
        PacketDecoder decoder = PARSERS.newDecoder(ParserKind.DEFAULT);
        StringBuilder placeholders = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            placeholders.append(",{\"_placeholder\":true,\"num\":").append(i).append('}');
        }
        assertNull(Frames.decodeText(decoder, "510-[\"a\"" + placeholders + "]"));
        for (int i = 0; i < 9; i++) {
            assertNull(Frames.decodeOne(decoder, new byte[] {(byte) i}, true));
        }
        Packet packet = Frames.decodeOne(decoder, new byte[] {9}, true);
        assertEquals(11, packet.data().size());
        assertEquals(9, packet.data().get(10).asBytes()[0]);

        Packet deep = Frames.decodeText(decoder, "2[\"a\"," + "[".repeat(63) + "]".repeat(63) + "]");
        assertEquals("a", deep.data().get(0).asString());
    }

    @Test
    void refusesStringsLongerThanTheLimit() {
        PacketParsers strict = new PacketParsers(ParserOptions.builder().maxStringLengthChars(8).build(), ByteBufAllocator.DEFAULT);
        assertEquals("12345678", Frames.decodeText(strict.newDecoder(ParserKind.DEFAULT), "2[\"12345678\"]").data().get(0).asString());
        MalformedPacketException error = assertThrows(MalformedPacketException.class,
                () -> Frames.decodeText(strict.newDecoder(ParserKind.DEFAULT), "2[\"123456789\"]"));
        assertContains("limit exceeded", error);
    }

    @Test
    void refusesNamespaceAndEventNamesLongerThanMaxNameLengthChars() {
        PacketParsers strict = new PacketParsers(ParserOptions.builder().maxNameLengthChars(4).build(), ByteBufAllocator.DEFAULT);
        assertEquals("/abc", Frames.decodeText(strict.newDecoder(ParserKind.DEFAULT), "2/abc,[\"abcd\"]").namespace());
        assertContains("namespace longer than maxNameLengthChars 4", assertThrows(MalformedPacketException.class,
                () -> Frames.decodeText(strict.newDecoder(ParserKind.DEFAULT), "0/abcd,")));
        assertContains("event name longer than maxNameLengthChars 4", assertThrows(MalformedPacketException.class,
                () -> Frames.decodeText(strict.newDecoder(ParserKind.DEFAULT), "2[\"abcde\"]")));
    }

    @Test
    void reassemblesAttachmentsInPlaceholderOrderAtAnyDepth() {
        PacketDecoder decoder = PARSERS.newDecoder(ParserKind.DEFAULT);
        assertNull(Frames.decodeText(decoder,
                "62-/admin,7[{\"a\":{\"_placeholder\":true,\"num\":1}},{\"_placeholder\":true,\"num\":0}]"));
        assertNull(Frames.decodeOne(decoder, new byte[] {10}, true));
        Packet ack = Frames.decodeOne(decoder, new byte[] {20, 21}, true);
        assertEquals(PacketType.ACK, ack.type());
        assertEquals("/admin", ack.namespace());
        assertEquals(7, ack.ackId());
        assertEquals(Value.list(Value.map("a", new byte[] {20, 21}), Value.of(new byte[] {10})), ack.data());
        assertEquals("x", Frames.decodeText(decoder, "2[\"x\"]").data().get(0).asString(), "back to awaiting packets");
    }

    @Test
    void readsTheHeaderFieldsLikeSocketIoParser() {
        PacketDecoder decoder = PARSERS.newDecoder(ParserKind.DEFAULT);
        assertEquals(Packet.disconnect("/admin"), Frames.decodeText(decoder, "1/admin,"));
        assertEquals(Packet.disconnect("/admin"), Frames.decodeText(decoder, "1/admin"));
        assertEquals(Packet.connect("/", null), Frames.decodeText(decoder, ""), "socket.io-parser reads \"\" as CONNECT");
        Packet event = Frames.decodeText(decoder, "2/chat,0[\"m\",1.5,-2,null,true]");
        assertEquals(new Packet(PacketType.EVENT, "/chat", 0, Value.list(Value.of("m"), Value.of(1.5), Value.of(-2),
                Value.NULL, Value.TRUE)), event);
        assertTrue(event.data().get(2).asLong() == -2 && event.data().get(1).asDouble() == 1.5);
    }

    static void assertContains(String expected, Exception error) {
        assertTrue(error.getMessage().contains(expected), "expected \"" + expected + "\" in: " + error.getMessage());
    }

    private static void bad(List<BadInput> inputs, String name, String text, String message, boolean npmRefusesToo) {
        bad(inputs, name, List.of(text(text)), message, npmRefusesToo);
    }

    private static void bad(List<BadInput> inputs, String name, List<Frame> frames, String message, boolean npmRefusesToo) {
        inputs.add(new BadInput(name, frames, message, npmRefusesToo));
    }

    static Frame text(String text) {
        return new Frame(false, text.getBytes(StandardCharsets.UTF_8));
    }

    static Frame binary(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return new Frame(true, bytes);
    }
}
