package io.tickwire.benchmarks.socketio.parser;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.tickwire.net.socketio.parser.EncodedPacket;
import io.tickwire.net.socketio.parser.MapValue;
import io.tickwire.net.socketio.parser.Packet;
import io.tickwire.net.socketio.parser.PacketParsers;
import io.tickwire.net.socketio.parser.ParserKind;
import io.tickwire.net.socketio.parser.ParserOptions;
import io.tickwire.net.socketio.parser.Value;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.buffer.OutputStreamBufferOutput;
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
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

/**
 * Why the msgpack encoder writes into the ByteBuf itself: the same packets encoded by our
 * {@code MsgpackPacketEncoder} (exact size, one pass into the frame) and by msgpack-core's
 * {@link MessagePacker} used at its best (reused per thread, flushing its buffer into the frame). Both
 * produce the same bytes (checked at setup).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MsgpackWriterChoiceBenchmark {
    @Param({"input", "state"})
    public String payload;

    private final ByteBufAllocator allocator = ByteBufAllocator.DEFAULT;
    private final FrameOutput output = new FrameOutput();
    private final MessagePacker packer = MessagePack.newDefaultPacker(new OutputStreamBufferOutput(output));
    private PacketParsers parsers;
    private Packet packet;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        parsers = new PacketParsers(ParserOptions.defaults(), allocator);
        packet = ParserInputs.byName(payload);
        EncodedPacket ours = parsers.encode(packet, ParserKind.MSGPACK);
        ByteBuf theirs = withMsgpackCore();
        try {
            if (!ByteBufUtil.equals(ours.frame(0), theirs)) {
                throw new IllegalStateException("msgpack-core wrote different bytes for " + payload);
            }
        } finally {
            ours.release();
            theirs.release();
        }
    }

    @Benchmark
    public int ownWriter() {
        EncodedPacket encoded = parsers.encode(packet, ParserKind.MSGPACK);
        int bytes = encoded.frame(0).readableBytes();
        encoded.release();
        return bytes;
    }

    @Benchmark
    public int msgpackCorePacker() throws IOException {
        ByteBuf frame = withMsgpackCore();
        int bytes = frame.readableBytes();
        frame.release();
        return bytes;
    }

    private ByteBuf withMsgpackCore() throws IOException {
        ByteBuf frame = allocator.buffer(256);
        output.target = frame;
        packer.packMapHeader(3);
        packer.packString("type").packInt(packet.type().number());
        packer.packString("data");
        pack(packet.data());
        packer.packString("nsp").packString(packet.namespace());
        packer.flush();
        output.target = null;
        return frame;
    }

    private void pack(Value value) throws IOException {
        switch (value.kind()) {
            case NULL -> packer.packNil();
            case BOOLEAN -> packer.packBoolean(value.asBoolean());
            case LONG -> packer.packLong(value.asLong());
            case DOUBLE -> {
                double d = value.asDouble();
                if (d == Math.rint(d) && Math.abs(d) < 0x1p63) {
                    packer.packLong((long) d);
                } else {
                    packer.packDouble(d);
                }
            }
            case STRING -> packer.packString(value.asString());
            case BYTES -> packer.packBinaryHeader(value.asBytes().length).writePayload(value.asBytes());
            case LIST -> {
                packer.packArrayHeader(value.size());
                for (int i = 0; i < value.size(); i++) {
                    pack(value.get(i));
                }
            }
            case MAP -> {
                MapValue map = (MapValue) value;
                packer.packMapHeader(map.size());
                for (int i = 0; i < map.size(); i++) {
                    packer.packString(map.keyAt(i));
                    pack(map.valueAt(i));
                }
            }
        }
    }

    /** The packer's sink, pointed at the frame being built. */
    private static final class FrameOutput extends OutputStream {
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
