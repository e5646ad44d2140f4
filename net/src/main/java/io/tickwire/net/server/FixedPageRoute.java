package io.tickwire.net.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;

/** Serves one fixed document (e.g. an HTML page) at one exact path, to GET and HEAD. Immutable. */
public final class FixedPageRoute implements HttpRoute {
    private final String path;
    private final String contentType;
    private final ByteBuf body;

    /** Serves {@code body} with {@code contentType} at {@code path} (e.g. {@code /}). */
    public FixedPageRoute(String path, String contentType, byte[] body) {
        this.path = path;
        this.contentType = contentType;
        this.body = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(body).asReadOnly());
    }

    @Override
    public boolean matches(String uri) {
        return new QueryStringDecoder(uri).path().equals(path);
    }

    @Override
    public void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpMethod method = request.method();
        request.release();
        boolean allowed = method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD);
        ByteBuf content = allowed && method.equals(HttpMethod.GET) ? body.duplicate() : Unpooled.EMPTY_BUFFER;
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                allowed ? HttpResponseStatus.OK : HttpResponseStatus.METHOD_NOT_ALLOWED, content);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, allowed ? body.readableBytes() : 0);
        if (keepAlive) {
            ctx.writeAndFlush(response, ctx.voidPromise());
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
