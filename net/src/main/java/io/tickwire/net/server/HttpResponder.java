package io.tickwire.net.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Writes one complete HTTP response for routes that answer small documents (health, metrics, admin files).
 * Any thread; the write happens on the connection's loop.
 */
public final class HttpResponder {
    private HttpResponder() {
    }

    /**
     * Sends {@code status} with {@code body}, then keeps the connection open or closes it. Takes ownership of
     * {@code body}.
     */
    public static void send(ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status,
                            String contentType, ByteBuf body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes())
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
        if (keepAlive) {
            ctx.writeAndFlush(response, ctx.voidPromise());
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Sends {@code status} with a short UTF-8 text body. */
    public static void sendText(ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status, String text) {
        ByteBuf body = text.isEmpty() ? Unpooled.EMPTY_BUFFER : ByteBufUtil.writeUtf8(ctx.alloc(), text);
        send(ctx, keepAlive, status, "text/plain; charset=utf-8", body);
    }
}
