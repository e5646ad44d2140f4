package io.tickwire.net.socketio.parser;

import io.netty.buffer.ByteBufAllocator;
import io.tickwire.net.socketio.parser.NpmParsers.Frame;
import io.tickwire.net.socketio.parser.SamplePackets.Sample;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
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

    /**
     * One sample, four facts: our bytes are theirs; their decoder reads ours as the packet; we read theirs
     * as the packet; we read ours as the packet. (One test per sample keeps the Node round trips and the
     * per-test leak check few.)
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void matchesSocketIoMsgpackParserInBothDirections(Sample sample) throws InterruptedException {
        Packet packet = sample.packet();
        List<Frame> theirs = npm.encode(ParserKind.MSGPACK, packet);
        List<Frame> ours = Frames.of(PARSERS.encode(packet, ParserKind.MSGPACK));
        NpmParsers.Decoded theirReading = npm.decode(ParserKind.MSGPACK, ours);
        assertAll(
                () -> assertEquals(theirs, ours, "our bytes differ from the npm encoder's"),
                () -> assertNull(theirReading.error(), "the npm decoder refused our bytes"),
                () -> assertEquals(List.of(packet), theirReading.packets(), "the npm decoder read our bytes differently"),
                () -> assertEquals(List.of(packet), Frames.decode(PARSERS.newDecoder(ParserKind.MSGPACK), theirs),
                        "we read the npm encoder's bytes differently"),
                () -> assertEquals(List.of(packet), Frames.decode(PARSERS.newDecoder(ParserKind.MSGPACK), ours),
                        "our own round trip changed the packet"));
    }
}
