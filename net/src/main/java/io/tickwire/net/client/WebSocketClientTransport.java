package io.tickwire.net.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.tickwire.net.engineio.PacketType;
import io.tickwire.net.engineio.transport.PayloadDecoder;

import java.io.IOException;

/**
 * The WebSocket transport, client side (Engine.IO v4 "WebSocket"): each packet is one frame, a text frame
 * holding the type digit and its UTF-8 data, or a binary frame holding a binary message. Writes go straight
 * to the channel (Netty buffers them); the channel is flushed once per {@link #write} call, or once per batch
 * while the session is corked (one system call for several packets).
 * Not thread-safe: the manager's event loop only (the channel is registered on that loop).
 */
final class WebSocketClientTransport implements ClientTransport {
    private final EngineIoClient engine;
    private final EventLoop loop;
    private final ServerEndpoint endpoint;
    private final int maxPayloadBytes;
    private final ByteBufAllocator alloc;
    private final String sid;
    private Channel channel;
    private boolean open;
    private boolean closed;

    /** @param sid the session to upgrade, or null to open a new session over WebSocket */
    WebSocketClientTransport(EngineIoClient engine, EventLoop loop, ServerEndpoint endpoint, int maxPayloadBytes,
                             ByteBufAllocator alloc, String sid) {
        this.engine = engine;
        this.loop = loop;
        this.endpoint = endpoint;
        this.maxPayloadBytes = maxPayloadBytes;
        this.alloc = alloc;
        this.sid = sid;
    }

    @Override
    public TransportType type() {
        return TransportType.WEBSOCKET;
    }

    @Override
    public void open() {
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(endpoint.webSocketUri(sid))
                .maxFramePayloadLength(maxPayloadBytes)
                .handshakeTimeoutMillis(10_000)
                .withUTF8Validator(false) // the message reader checks text messages itself
                .customHeaders(handshakeHeaders())
                .build();
        ChannelFuture connect = new Bootstrap().group(loop).channel(endpoint.channelClass())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        endpoint.initTls(ch);
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
                                new WebSocketClientProtocolHandler(config),
                                new WebSocketMessageReader(maxPayloadBytes, new Messages()), new Lifecycle());
                    }
                })
                .connect(endpoint.host(), endpoint.port());
        channel = connect.channel();
        connect.addListener(f -> {
            if (!f.isSuccess()) {
                fail("websocket error", f.cause());
            }
        });
    }

    @Override
    public void write(PacketType type, ByteBuf data, boolean binary) {
        if (closed || !open) {
            if (data != null) {
                data.release();
            }
            return;
        }
        WebSocketFrame frame;
        if (binary) {
            frame = new BinaryWebSocketFrame(data);
        } else {
            int length = data == null ? 0 : data.readableBytes();
            ByteBuf text = alloc.buffer(1 + length);
            text.writeByte(type.asciiDigit());
            if (data != null) {
                text.writeBytes(data, data.readerIndex(), length);
                data.release();
            }
            frame = new TextWebSocketFrame(text);
        }
        engine.onTraffic(0, frame.content().readableBytes());
        if (engine.corked()) {
            channel.write(frame, channel.voidPromise());
        } else {
            channel.writeAndFlush(frame, channel.voidPromise());
        }
    }

    @Override
    public void flush() {
        if (open && !closed) {
            channel.flush();
        }
    }

    @Override
    public void pause(Runnable onPaused) {
        onPaused.run();
    }

    private void fail(String reason, Throwable cause) {
        if (!closed) {
            closed = true;
            if (channel != null) {
                channel.close();
            }
            engine.onTransportClose(this, reason, cause);
        }
    }

    @Override
    public void close(boolean sendClose) {
        if (closed) {
            return;
        }
        if (sendClose && open) {
            write(PacketType.CLOSE, null, false);
        }
        closed = true;
        if (channel != null) {
            channel.close();
        }
    }

    private HttpHeaders handshakeHeaders() {
        HttpHeaders headers = new DefaultHttpHeaders();
        endpoint.addExtraHeaders(headers);
        return headers;
    }

    /** Complete messages from the {@link WebSocketMessageReader}: Engine.IO packets. */
    private final class Messages implements WebSocketMessageReader.Sink {
        @Override
        public void onMessage(ByteBuf message, boolean binary) {
            if (closed) {
                return;
            }
            engine.onTraffic(message.readableBytes(), 0);
            if (binary) {
                engine.onTransportPacket(WebSocketClientTransport.this, PacketType.MESSAGE, message, true);
                return;
            }
            Boolean ok = PayloadDecoder.decodePacket(message, message.readerIndex(), message.readableBytes(),
                    (type, data, isBinary) -> {
                        engine.onTransportPacket(WebSocketClientTransport.this, type, data, isBinary);
                        return true;
                    });
            if (ok == null) {
                fail("parse error", new IOException("malformed WebSocket text frame"));
            }
        }

        @Override
        public void onFailure(String reason, Throwable cause) {
            fail(reason, cause);
        }
    }

    /** The handshake's outcome and the channel's end. */
    private final class Lifecycle extends ChannelInboundHandlerAdapter {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE && !closed) {
                // from now on the message reader answers pings and close frames: frames pass one handler, not two
                ctx.pipeline().remove(WebSocketClientProtocolHandler.class);
                open = true;
                engine.onTransportOpen(WebSocketClientTransport.this);
            } else if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                fail("websocket error", new IOException("WebSocket handshake timed out"));
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            fail("transport close", null);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            fail("transport error", cause);
        }
    }
}
