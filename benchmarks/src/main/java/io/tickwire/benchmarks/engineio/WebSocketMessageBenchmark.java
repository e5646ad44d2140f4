package io.tickwire.benchmarks.engineio;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.tickwire.net.engineio.PacketType;
import io.tickwire.net.engineio.transport.Transport;
import io.tickwire.net.engineio.transport.TransportEvents;
import io.tickwire.net.engineio.transport.WebSocketTransport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.charset.StandardCharsets;

/**
 * The per-message cost of the WebSocket transport alone (no socket I/O): receiving a text message frame
 * up to the session's listener, and turning a broadcast payload into a frame for one recipient. Run
 * with {@code -prof gc} to see the bytes allocated per message:
 *
 * <pre>
 *   java -cp "benchmarks/target/classes:$(cat benchmarks/target/runtime-classpath.txt)" org.openjdk.jmh.Main \
 *        WebSocketMessageBenchmark -prof gc -f 1 -wi 3 -i 5 -w 1s -r 1s
 * </pre>
 */
@State(Scope.Thread)
public class WebSocketMessageBenchmark {
    private EmbeddedChannel channel;
    private WebSocketTransport transport;
    private ChannelHandlerContext transportContext;
    private TextWebSocketFrame inbound;
    private ByteBuf broadcastPayload;
    private Blackhole blackhole;

    @Setup
    public void setUp(Blackhole bh) {
        blackhole = bh;
        channel = new EmbeddedChannel();
        // stands in for the socket: every written frame is released at once
        channel.pipeline().addFirst(new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                ReferenceCountUtil.release(msg);
            }
        });
        transport = new WebSocketTransport(new TransportEvents() {
            @Override
            public void onPacket(Transport source, PacketType type, ByteBuf data, boolean binary) {
                blackhole.consume(data);
            }

            @Override
            public void onParseError(Transport source) {
            }

            @Override
            public void onTransportError(Transport source, String description) {
            }

            @Override
            public void onTransportClose(Transport source) {
            }

            @Override
            public void onWritable(Transport source) {
            }
        }, channel.eventLoop(), channel, false);
        channel.pipeline().addLast(transport);
        transportContext = channel.pipeline().context(transport);
        byte[] text = "4{\"x\":12.5,\"y\":-3.25,\"seq\":1042}".getBytes(StandardCharsets.UTF_8);
        inbound = new TextWebSocketFrame(PooledByteBufAllocator.DEFAULT.directBuffer().writeBytes(text));
        broadcastPayload = PooledByteBufAllocator.DEFAULT.directBuffer()
                .writeBytes("{\"tick\":991,\"entities\":[[1,2.5,3.5],[2,4.5,5.5]]}".getBytes(StandardCharsets.UTF_8));
    }

    @TearDown
    public void tearDown() {
        inbound.release();
        broadcastPayload.release();
        channel.finishAndReleaseAll();
    }

    /** One text message frame in, decoded and handed to the session (the frame itself is reused). */
    @Benchmark
    public void receiveTextMessage() {
        inbound.retain();
        inbound.content().readerIndex(0);
        transport.channelRead(transportContext, inbound);
    }

    /** One recipient of a broadcast: a retained duplicate of the shared payload written as a text frame. */
    @Benchmark
    public void sendBroadcastTextMessage() {
        transport.write(PacketType.MESSAGE, broadcastPayload.retainedDuplicate(), false, true);
    }
}
