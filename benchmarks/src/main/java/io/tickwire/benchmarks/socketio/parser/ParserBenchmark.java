package io.tickwire.benchmarks.socketio.parser;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.tickwire.net.socketio.parser.EncodedPacket;
import io.tickwire.net.socketio.parser.Packet;
import io.tickwire.net.socketio.parser.PacketDecoder;
import io.tickwire.net.socketio.parser.PacketParsers;
import io.tickwire.net.socketio.parser.ParserKind;
import io.tickwire.net.socketio.parser.ParserOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Encode and decode of {@link ParserInputs} with both parsers, as the server does them: encoding into
 * buffers of Netty's default allocator (adaptive in 4.2, as channels use) that are released after use,
 * decoding from direct buffers (what Netty hands over). Run with {@code -prof gc} for bytes allocated per
 * operation. (Netty 4.2's PooledByteBufAllocator allocates about 104 B per buffer; the adaptive one none.)
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParserBenchmark {
    @Param({"DEFAULT", "MSGPACK"})
    public ParserKind parser;

    @Param({"input", "state", "binary"})
    public String payload;

    private PacketParsers parsers;
    private Packet packet;
    private ByteBuf[] frames;
    private boolean[] binary;
    private PacketDecoder decoder;

    @Setup(Level.Trial)
    public void setUp() {
        parsers = new PacketParsers(ParserOptions.defaults(), ByteBufAllocator.DEFAULT);
        packet = ParserInputs.byName(payload);
        EncodedPacket encoded = parsers.encode(packet, parser);
        frames = new ByteBuf[encoded.frameCount()];
        binary = new boolean[frames.length];
        for (int i = 0; i < frames.length; i++) {
            ByteBuf frame = encoded.frame(i);
            frames[i] = ByteBufAllocator.DEFAULT.directBuffer(frame.readableBytes()).writeBytes(frame, frame.readerIndex(), frame.readableBytes());
            binary[i] = encoded.isBinary(i);
        }
        encoded.release();
        decoder = parsers.newDecoder(parser);
        if (!packet.equals(decode())) {
            throw new IllegalStateException("the benchmark input does not round-trip: " + payload);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        for (ByteBuf frame : frames) {
            frame.release();
        }
    }

    /** Encodes the packet and releases the frames (as the Engine.IO layer would after writing them). */
    @Benchmark
    public int encode() {
        EncodedPacket encoded = parsers.encode(packet, parser);
        int bytes = encoded.frame(0).readableBytes();
        encoded.release();
        return bytes;
    }

    /** Decodes every Engine.IO message of the packet (one, or text plus attachments). */
    @Benchmark
    public Packet decode() {
        Packet decoded = null;
        for (int i = 0; i < frames.length; i++) {
            decoded = decoder.decode(frames[i], binary[i]);
        }
        return decoded;
    }
}
