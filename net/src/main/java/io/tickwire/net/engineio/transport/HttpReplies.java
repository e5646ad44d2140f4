package io.tickwire.net.engineio.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Writes the complete HTTP responses of the Engine.IO endpoint with a length, {@code cache-control:
 * no-store} and the request's CORS headers, keeping the connection open when the request allowed it.
 * Callable from any thread (Netty hands the write to the channel's loop).
 */
public final class HttpReplies {
    /** The content type of polling payloads. */
    public static final String TEXT_UTF8 = "text/plain; charset=UTF-8";

    private HttpReplies() {
    }

    /**
     * Writes and flushes a response with {@code body}.
     *
     * @param body       takes ownership
     * @param extra      headers to add (CORS), or {@code null}
     * @param keepAlive  whether the request allows reusing the connection
     */
    public static void send(Channel channel, HttpResponseStatus status, String contentType, ByteBuf body,
                            HttpHeaders extra, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        HttpHeaders h = response.headers();
        if (contentType != null) {
            h.set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        h.setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        h.set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        if (extra != null) {
            h.add(extra);
        }
        if (!keepAlive) {
            h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            channel.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.writeAndFlush(response, channel.voidPromise());
        }
    }

    /** Writes a bodiless response (e.g. 400 for an overlapping poll, 204 for a preflight). */
    public static void sendEmpty(Channel channel, HttpResponseStatus status, HttpHeaders extra, boolean keepAlive) {
        send(channel, status, null, Unpooled.EMPTY_BUFFER, extra, keepAlive);
    }
}
