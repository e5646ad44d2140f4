package io.tickwire.benchmarks.match;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.tickwire.net.socketio.parser.EncodedPacket;
import io.tickwire.net.socketio.parser.PacketParsers;
import io.tickwire.net.socketio.parser.Packet;
import io.tickwire.net.socketio.parser.ParserKind;
import io.tickwire.net.socketio.parser.ParserOptions;
import io.tickwire.net.socketio.parser.Value;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Minimal Socket.IO clients for the fan-out benchmark: WebSocket-only Engine.IO sessions on one client event
 * loop that join a namespace with the msgpack parser, answer pings, and count the binary frames they receive
 * (each state packet is one binary frame). Nothing else is decoded.
 */
final class FanOutClients implements AutoCloseable {
    /** Names the clients' thread, so that its CPU time can be told apart from the server's. */
    static final String THREAD_PREFIX = "fanout-client";
    final AtomicLong framesReceived = new AtomicLong();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
            new DefaultThreadFactory(THREAD_PREFIX), NioIoHandler.newFactory());
    private final List<Channel> channels = new ArrayList<>();
    private final byte[] connectPacket;

    FanOutClients(String namespace) {
        PacketParsers parsers = new PacketParsers(ParserOptions.defaults(), UnpooledByteBufAllocator.DEFAULT);
        EncodedPacket connect = parsers.encode(Packet.connect(namespace, Value.map()), ParserKind.MSGPACK);
        ByteBuf frame = connect.frame(0);
        connectPacket = new byte[frame.readableBytes()];
        frame.getBytes(frame.readerIndex(), connectPacket);
        connect.release();
    }

    /** Opens {@code count} sessions to {@code port}; they connect to the namespace asynchronously. */
    void open(int port, int count) throws InterruptedException {
        URI uri = URI.create("ws://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket");
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 16),
                                new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                                        .webSocketUri(uri).maxFramePayloadLength(1 << 20).build()),
                                new SessionHandler());
                    }
                });
        for (int i = 0; i < count; i++) {
            channels.add(bootstrap.connect("127.0.0.1", port).sync().channel());
        }
    }

    @Override
    public void close() {
        for (Channel c : channels) {
            c.close();
        }
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class SessionHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof BinaryWebSocketFrame) {
                framesReceived.incrementAndGet();
            } else if (frame instanceof TextWebSocketFrame text) {
                String message = text.text();
                if (message.startsWith("0")) {
                    ctx.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(connectPacket)));
                } else if (message.equals("2")) {
                    ctx.writeAndFlush(new TextWebSocketFrame("3"));
                }
            }
        }
    }
}
