package io.tickwire.net.socketio.parser;

import io.netty.buffer.ByteBufAllocator;
import io.tickwire.net.socketio.parser.NpmParsers.Frame;
import io.tickwire.net.socketio.parser.SamplePackets.Sample;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The msgpack parser against npm socket.io-msgpack-parser 3.0.2, both directions, fixtures made by Node now. */
class MsgpackParserCompatibilityTest {
    private static NpmParsers npm;
    private static final PacketParsers PARSERS = new PacketParsers(ParserOptions.defaults(), ByteBufAllocator.DEFAULT);

    @BeforeAll
    static void startNode() throws InterruptedException {
        npm = new NpmParsers();
    }

    @AfterAll
    static void stopNode() {
        npm.close();
    }

    static List<Sample> samples() {
        return SamplePackets.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void encodesTheSameBytesAsSocketIoMsgpackParser(Sample sample) throws InterruptedException {
        List<Frame> theirs = npm.encode(ParserKind.MSGPACK, sample.packet());
        List<Frame> ours = Frames.of(PARSERS.encode(sample.packet(), ParserKind.MSGPACK));
        assertEquals(theirs, ours);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void socketIoMsgpackParserDecodesOurBytesToTheSamePacket(Sample sample) throws InterruptedException {
        NpmParsers.Decoded decoded = npm.decode(ParserKind.MSGPACK, Frames.of(PARSERS.encode(sample.packet(), ParserKind.MSGPACK)));
        assertNull(decoded.error());
        assertEquals(List.of(sample.packet()), decoded.packets());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void decodesSocketIoMsgpackParserBytesToTheSamePacket(Sample sample) throws InterruptedException {
        List<Frame> theirs = npm.encode(ParserKind.MSGPACK, sample.packet());
        assertEquals(List.of(sample.packet()), Frames.decode(PARSERS.newDecoder(ParserKind.MSGPACK), theirs));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void roundTripsThroughOurEncoderAndDecoder(Sample sample) {
        List<Frame> ours = Frames.of(PARSERS.encode(sample.packet(), ParserKind.MSGPACK));
        assertEquals(List.of(sample.packet()), Frames.decode(PARSERS.newDecoder(ParserKind.MSGPACK), ours));
    }
}
