package io.tickwire.net.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;

import java.util.List;

/**
 * The last handler of an HTTP connection: gives each complete request to the first matching
 * {@link HttpRoute}, or answers 404 (431 for a request line or headers over the limit, 400 for other
 * undecodable requests). Shared by every connection of a server.
 */
@ChannelHandler.Sharable
final class HttpRouter extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final List<HttpRoute> routes;

    HttpRouter(List<HttpRoute> routes) {
        super(false);
        this.routes = List.copyOf(routes);
    }

    HttpRoute routeFor(String uri) {
        for (HttpRoute route : routes) {
            if (route.matches(uri)) {
                return route;
            }
        }
        return null;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            Throwable cause = request.decoderResult().cause();
            request.release();
            boolean headTooLong = cause instanceof TooLongHttpLineException || cause instanceof TooLongHttpHeaderException;
            respond(ctx, headTooLong ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE : HttpResponseStatus.BAD_REQUEST);
            return;
        }
        HttpRoute route = routeFor(request.uri());
        if (route == null) {
            request.release();
            respond(ctx, HttpResponseStatus.NOT_FOUND);
            return;
        }
        route.handle(ctx, request);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    private static void respond(ChannelHandlerContext ctx, HttpResponseStatus status) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
