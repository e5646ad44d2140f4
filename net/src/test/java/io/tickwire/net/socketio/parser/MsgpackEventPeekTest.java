package io.tickwire.net.socketio.parser;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static io.tickwire.net.socketio.parser.MsgpackPacketDecoderTest.msgpack;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading a binary event without decoding it: what it finds, that it finds it whatever the key order, and
 * that it never says yes to a message the msgpack decoder would not decode as that same event.
 */
class MsgpackEventPeekTest {
    private static final PacketParsers PARSERS = new PacketParsers(ParserOptions.defaults(), ByteBufAllocator.DEFAULT);
    private static final byte[] SNAPSHOT = {(byte) 0x95, 7, -1, (byte) 0x90, (byte) 0x90, (byte) 0x90};

    private final MsgpackEventPeek peek = new MsgpackEventPeek(ParserOptions.defaults());

    @Test
    void findsTheNamespaceNameAndBinaryFirstArgumentOfAnEvent() {
        ByteBuf frame = encode(Packet.event("/game", Packet.NO_ACK, Value.list(Value.of("state"),
                Value.of(SNAPSHOT), Value.list(Value.of(1), Value.of(42)))));
        try {
            assertTrue(peek.read(frame));
            assertTrue(peek.namespaceIs(utf8("/game")));
            assertFalse(peek.namespaceIs(utf8("/")));
            assertTrue(peek.nameIs(utf8("state")));
            assertFalse(peek.nameIs(utf8("stat")));
            assertArrayEquals(SNAPSHOT, ByteBufUtil.getBytes(peek.payload()));
            assertEquals(0, frame.readerIndex(), "the borrowed frame's indexes are left alone");
        } finally {
            frame.release();
        }
    }

    @Test
    void findsTheEventWhateverTheKeyOrderAndLengthEncodings() {
        byte[] big = new byte[70_000];
        big[69_999] = 5;
        byte[] message = msgpack(p -> {
            p.packMapHeader(3);
            p.packString("data").packArrayHeader(3).packString("state").packBinaryHeader(big.length).writePayload(big);
            p.packMapHeader(2).packString("a").packDouble(1.5).packInt(7).packArrayHeader(2).packNil().packBoolean(true);
            p.packString("nsp").packString("/" + "n".repeat(40));
            p.packString("type").packInt(2);
        });
        assertTrue(peek.read(Unpooled.wrappedBuffer(message)));
        assertTrue(peek.namespaceIs(utf8("/" + "n".repeat(40))));
        assertArrayEquals(big, ByteBufUtil.getBytes(peek.payload()));
    }

    @Test
    void leavesEveryOtherShapeToTheDecoder() {
        byte[] bin = {1, 2};
        assertFalse(read(Packet.event("/", 3, Value.list(Value.of("state"), Value.of(bin)))), "an ack id");
        assertFalse(read(Packet.event("/", Packet.NO_ACK, Value.list(Value.of("state"), Value.of("text")))),
                "a first argument that is no bin");
        assertFalse(read(Packet.event("/", Packet.NO_ACK, Value.list(Value.of("state")))), "no argument");
        assertFalse(read(Packet.event("/", Packet.NO_ACK, Value.list(Value.of("disconnect"), Value.of(bin)))),
                "a reserved name");
        assertFalse(read(Packet.event("/", Packet.NO_ACK, Value.list(Value.of("n".repeat(300)), Value.of(bin)))),
                "a name longer than maxNameLengthChars");
        assertFalse(read(Packet.ack("/", 1, Value.list(Value.of(bin)))), "an ACK");
        assertFalse(read(Packet.connect("/", null)), "a CONNECT");
        assertFalse(peek.read(Unpooled.wrappedBuffer(msgpack(p -> p.packMapHeader(3)
                .packString("type").packInt(2).packString("nsp").packString("game")
                .packString("data").packArrayHeader(2).packString("e").packBinaryHeader(0)))), "a namespace without /");
        assertFalse(peek.read(Unpooled.wrappedBuffer(msgpack(p -> p.packMapHeader(3)
                .packString("type").packInt(2).packString("nsp").packString("/")
                .packString("data").packArrayHeader(3).packString("e").packBinaryHeader(0)
                .packExtensionTypeHeader((byte) 0, 1).writePayload(new byte[1])))), "an extension among the arguments");
    }

    @Test
    void neverSaysYesToAMessageTheDecoderWouldNotDecodeAsThatEvent() {
        ByteBuf frame = encode(Packet.event("/game", Packet.NO_ACK, Value.list(Value.of("state"),
                Value.of(SNAPSHOT), Value.list(Value.of(3), Value.of(-70_000), Value.map("k", Value.of(0.25))))));
        byte[] valid = ByteBufUtil.getBytes(frame);
        frame.release();
        Random random = new Random(4);
        for (int round = 0; round < 20_000; round++) {
            byte[] message = Arrays.copyOf(valid, round % 7 == 0 ? random.nextInt(valid.length + 1) : valid.length);
            for (int flips = 1 + random.nextInt(3); flips > 0 && message.length > 0; flips--) {
                message[random.nextInt(message.length)] = (byte) random.nextInt(256);
            }
            if (!peek.read(Unpooled.wrappedBuffer(message))) {
                continue;
            }
            Packet decoded = PARSERS.newDecoder(ParserKind.MSGPACK).decode(Unpooled.wrappedBuffer(message), true);
            assertEquals(PacketType.EVENT, decoded.type(), "round " + round);
            assertFalse(decoded.hasAckId());
            // names are compared as bytes: a registered name matches exactly when the decoder reads that name
            assertEquals(decoded.namespace().equals("/game"), peek.namespaceIs(utf8("/game")));
            assertEquals(decoded.data().get(0).asString().equals("state"), peek.nameIs(utf8("state")));
            assertArrayEquals(decoded.data().get(1).asBytes(), ByteBufUtil.getBytes(peek.payload()));
        }
    }

    private boolean read(Packet packet) {
        ByteBuf frame = encode(packet);
        try {
            return peek.read(frame);
        } finally {
            frame.release();
        }
    }

    private static ByteBuf encode(Packet packet) {
        EncodedPacket encoded = PARSERS.encode(packet, ParserKind.MSGPACK);
        ByteBuf frame = encoded.frame(0).retain();
        encoded.release();
        return frame;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
