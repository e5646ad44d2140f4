package io.tickwire.net.socketio.parser;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-connection parser choice, pinning, and encode-once broadcasts. */
class PacketCodecTest {
    private static final PacketParsers PARSERS = new PacketParsers(ParserOptions.defaults(), PooledByteBufAllocator.DEFAULT);
    private static final Packet CONNECT_REPLY = Packet.connect("/", Value.map("sid", "abc"));

    @Test
    void aTextFirstMessageChoosesTheDefaultParserAndRepliesInText() {
        PacketCodec codec = PARSERS.newCodec();
        assertNull(codec.kind());
        assertEquals(Packet.connect("/", null), Frames.decodeText((Frames.Decode) codec::decode, "0"));
        assertEquals(ParserKind.DEFAULT, codec.kind());
        EncodedPacket reply = codec.encode(CONNECT_REPLY);
        try {
            assertFalse(reply.isBinary(0));
            assertEquals("0{\"sid\":\"abc\"}", reply.frame(0).toString(StandardCharsets.UTF_8));
        } finally {
            reply.release();
        }
    }

    @Test
    void aBinaryFirstMessageChoosesMsgpackAndRepliesInBinary() {
        PacketCodec codec = PARSERS.newCodec();
        byte[] connect = Frames.of(PARSERS.encode(Packet.connect("/", null), ParserKind.MSGPACK)).get(0).bytes();
        assertEquals(Packet.connect("/", null), Frames.decodeOne((Frames.Decode) codec::decode, connect, true));
        assertEquals(ParserKind.MSGPACK, codec.kind());
        List<NpmParsers.Frame> reply = Frames.of(codec.encode(CONNECT_REPLY));
        assertEquals(1, reply.size());
        assertTrue(reply.get(0).binary());
        assertEquals(CONNECT_REPLY, Frames.decodeOne(PARSERS.newDecoder(ParserKind.MSGPACK), reply.get(0).bytes(), true));
    }

    @Test
    void aPinnedParserIsUsedFromTheStartAndRefusesTheOtherEncoding() {
        PacketParsers pinned = new PacketParsers(ParserOptions.builder().pinnedParser(ParserKind.MSGPACK).build(),
                ByteBufAllocator.DEFAULT);
        PacketCodec codec = pinned.newCodec();
        assertEquals(ParserKind.MSGPACK, codec.kind());
        MalformedPacketException error = assertThrows(MalformedPacketException.class, () -> Frames.decodeText((Frames.Decode) codec::decode, "0"));
        assertTrue(error.getMessage().contains("msgpack"), error.getMessage());
    }

    @Test
    void aBroadcastIsEncodedOncePerParserAndSharedByDuplicates() {
        Packet state = Packet.event("/", Packet.NO_ACK, Value.list(Value.of("state"), Value.of(new byte[] {7, 8})));
        BroadcastEncoding broadcast = PARSERS.broadcast(state);
        EncodedPacket json = broadcast.forKind(ParserKind.DEFAULT);
        assertSame(json, broadcast.forKind(null), "an undecided connection gets the default encoding");
        assertSame(json, broadcast.forKind(ParserKind.DEFAULT));
        EncodedPacket msgpack = broadcast.forKind(ParserKind.MSGPACK);
        assertEquals(2, json.frameCount());
        assertEquals(1, msgpack.frameCount());

        ByteBuf[] sent = new ByteBuf[3];
        for (int recipient = 0; recipient < sent.length; recipient++) {
            sent[recipient] = json.frame(0).retainedDuplicate(); // what Engine.IO's send takes ownership of
        }
        ByteBuf attachment = json.frame(1).retainedDuplicate();
        broadcast.release();
        try {
            for (ByteBuf frame : sent) {
                assertEquals("51-[\"state\",{\"_placeholder\":true,\"num\":0}]", frame.toString(StandardCharsets.UTF_8));
            }
            assertEquals("0708", ByteBufUtil.hexDump(attachment));
        } finally {
            for (ByteBuf frame : sent) {
                frame.release();
            }
            attachment.release();
        }
        assertEquals(0, json.frame(0).refCnt(), "all references returned");
        assertEquals(0, msgpack.frame(0).refCnt());
    }

    @Test
    void encodingDoesNotValidateButDecodingDoes() {
        Packet emptyEvent = Packet.event("/", Packet.NO_ACK, Value.list());
        for (ParserKind kind : ParserKind.values()) {
            List<NpmParsers.Frame> frames = Frames.of(PARSERS.encode(emptyEvent, kind));
            assertThrows(MalformedPacketException.class, () -> Frames.decode(PARSERS.newDecoder(kind), frames), kind.name());
        }
    }

    @Test
    void optionsNameTheOptionThatIsOutOfRange() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ParserOptions.builder().maxAttachments(0).build());
        assertTrue(error.getMessage().startsWith("maxAttachments"), error.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ParserOptions.builder().maxNestingDepth(1).build())
                .getMessage().startsWith("maxNestingDepth"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ParserOptions.builder().maxStringLengthChars(0).build())
                .getMessage().startsWith("maxStringLengthChars"));
        assertEquals(10, ParserOptions.defaults().maxAttachments(), "socket.io-parser's default");
    }
}
