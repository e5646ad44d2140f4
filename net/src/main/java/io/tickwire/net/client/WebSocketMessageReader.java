package io.tickwire.net.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

import java.nio.charset.StandardCharsets;

/**
 * The one inbound handler of an open client WebSocket after the frame decoder (RFC 6455): joins fragmented
 * messages up to {@code maxPayloadBytes}, answers a ping with a pong, drops pongs, closes the channel on a close
 * frame, refuses a text message that is not UTF-8, and hands every complete message to its {@link Sink}. It
 * does alone what Netty's UTF-8 validator, protocol handler and frame aggregator do in three, so that a
 * received frame passes one handler: a client with thousands of connections pays a cache miss for each
 * handler context a frame passes.
 *
 * <p>Not thread-safe: the channel's event loop only, as every handler.
 */
final class WebSocketMessageReader extends SimpleChannelInboundHandler<WebSocketFrame> {
    /** Where complete messages and failures go. */
    interface Sink {
        /** @param message borrowed (does not retain): valid during the call only */
        void onMessage(ByteBuf message, boolean binary);

        /** The stream is broken (too long, not UTF-8, fragments out of order); the channel is being closed. */
        void onFailure(String reason, Throwable cause);
    }

    private final int maxPayloadBytes;
    private final Sink sink;
    /** The fragments of the message being joined, or null between messages. */
    private CompositeByteBuf fragments;
    private boolean fragmentsBinary;

    WebSocketMessageReader(int maxPayloadBytes, Sink sink) {
        this.maxPayloadBytes = maxPayloadBytes;
        this.sink = sink;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof PingWebSocketFrame) {
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
        } else if (frame instanceof CloseWebSocketFrame) {
            ctx.close();
        } else if (frame instanceof ContinuationWebSocketFrame) {
            if (fragments == null) {
                fail(ctx, new CorruptedWebSocketFrameException(
                        WebSocketCloseStatus.PROTOCOL_ERROR,
                        "a continuation frame without a message to continue"));
                return;
            }
            join(ctx, frame);
        } else if (!(frame instanceof PongWebSocketFrame)) {
            boolean binary = frame instanceof BinaryWebSocketFrame;
            if (fragments != null) {
                fail(ctx, new CorruptedWebSocketFrameException(
                        WebSocketCloseStatus.PROTOCOL_ERROR,
                        "a new message before the last one's final fragment"));
            } else if (frame.isFinalFragment()) {
                deliver(ctx, frame.content(), binary);
            } else {
                fragments = ctx.alloc().compositeBuffer();
                fragmentsBinary = binary;
                join(ctx, frame);
            }
        }
    }

    private void join(ChannelHandlerContext ctx, WebSocketFrame frame) {
        ByteBuf content = frame.content();
        if ((long) fragments.readableBytes() + content.readableBytes() > maxPayloadBytes) {
            fail(ctx, new TooLongFrameException("a fragmented message longer than " + maxPayloadBytes + " bytes"));
            return;
        }
        fragments.addComponent(true, content.retain());
        if (frame.isFinalFragment()) {
            CompositeByteBuf message = fragments;
            fragments = null;
            try {
                deliver(ctx, message, fragmentsBinary);
            } finally {
                message.release();
            }
        }
    }

    private void deliver(ChannelHandlerContext ctx, ByteBuf message, boolean binary) {
        if (!binary && !ByteBufUtil.isText(message, StandardCharsets.UTF_8)) {
            fail(ctx, new CorruptedWebSocketFrameException(
                    WebSocketCloseStatus.INVALID_PAYLOAD_DATA,
                    "a text message that is not UTF-8"));
            return;
        }
        sink.onMessage(message, binary);
    }

    private void fail(ChannelHandlerContext ctx, Throwable cause) {
        releaseFragments();
        sink.onFailure("transport error", cause);
        ctx.close();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseFragments();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        releaseFragments();
        super.channelInactive(ctx);
    }

    private void releaseFragments() {
        if (fragments != null) {
            fragments.release();
            fragments = null;
        }
    }
}
