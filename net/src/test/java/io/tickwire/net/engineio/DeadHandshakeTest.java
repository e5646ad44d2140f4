package io.tickwire.net.engineio;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A WebSocket handshake whose connection is already dead: every write fails (the peer reset it while the
 * request was being read). The session that the handshake created must not outlive it.
 */
class DeadHandshakeTest {

    @Test
    void forgetsTheSessionOfAWebSocketHandshakeWhoseWritesFail() {
        EngineIoServer server = new EngineIoServer(EngineIoOptions.defaults(), socket -> { });
        EmbeddedChannel ch = new EmbeddedChannel(
                new ChannelOutboundHandlerAdapter() {
                    @Override
                    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                        ReferenceCountUtil.release(msg);
                        promise.setFailure(new IOException("Connection reset by peer"));
                    }
                },
                new HttpServerCodec(),
                new SimpleChannelInboundHandler<FullHttpRequest>(false) {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                        server.handleRequest(ctx, request);
                    }
                });
        FullHttpRequest upgrade = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
                "/engine.io/?EIO=4&transport=websocket");
        upgrade.headers().set("Host", "127.0.0.1").set("Upgrade", "websocket").set("Connection", "Upgrade")
                .set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==").set("Sec-WebSocket-Version", "13");
        ch.writeInbound(upgrade);
        ch.runPendingTasks();
        assertEquals(0, server.clientsCount(), "the session closed with its connection and was unregistered");
        ch.finishAndReleaseAll();
    }
}
