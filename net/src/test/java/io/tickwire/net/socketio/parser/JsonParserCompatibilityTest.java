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

/** The default parser against npm socket.io-parser 4.2, both directions, fixtures made by Node now. */
class JsonParserCompatibilityTest {
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
        List<Sample> samples = new java.util.ArrayList<>(SamplePackets.all());
        samples.addAll(SamplePackets.hugeIntegralDoubles());
        return samples;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void encodesTheSameBytesAsSocketIoParser(Sample sample) throws InterruptedException {
        List<Frame> theirs = npm.encode(ParserKind.DEFAULT, sample.packet());
        List<Frame> ours = Frames.of(PARSERS.encode(sample.packet(), ParserKind.DEFAULT));
        assertEquals(theirs, ours);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void socketIoParserDecodesOurBytesToTheSamePacket(Sample sample) throws InterruptedException {
        NpmParsers.Decoded decoded = npm.decode(ParserKind.DEFAULT, Frames.of(PARSERS.encode(sample.packet(), ParserKind.DEFAULT)));
        assertNull(decoded.error());
        assertEquals(List.of(sample.packet()), decoded.packets());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void decodesSocketIoParserBytesToTheSamePacket(Sample sample) throws InterruptedException {
        List<Frame> theirs = npm.encode(ParserKind.DEFAULT, sample.packet());
        assertEquals(List.of(sample.packet()), Frames.decode(PARSERS.newDecoder(ParserKind.DEFAULT), theirs));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void roundTripsThroughOurEncoderAndDecoder(Sample sample) {
        List<Frame> ours = Frames.of(PARSERS.encode(sample.packet(), ParserKind.DEFAULT));
        assertEquals(List.of(sample.packet()), Frames.decode(PARSERS.newDecoder(ParserKind.DEFAULT), ours));
    }
}
