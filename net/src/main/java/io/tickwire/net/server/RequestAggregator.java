package io.tickwire.net.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;

import java.util.List;

/**
 * Netty's request aggregator with two additions: the route of a request with a body hears of it as soon
 * as its head arrives ({@link HttpRoute#onRequestHead}), and when a body exceeds the limit the route is
 * told (the Engine.IO route closes the session) before Netty answers 413.
 */
final class RequestAggregator extends HttpObjectAggregator {
    private final HttpRouter router;

    RequestAggregator(int maxContentLength, HttpRouter router) {
        super(maxContentLength);
        this.router = router;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, HttpObject msg, List<Object> out) throws Exception {
        if (msg instanceof HttpRequest head && !HttpMethod.GET.equals(head.method())) {
            HttpRoute route = router.routeFor(head.uri());
            if (route != null) {
                route.onRequestHead(ctx, head);
            }
        }
        super.decode(ctx, msg, out);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
        if (oversized instanceof HttpRequest request) {
            HttpRoute route = router.routeFor(request.uri());
            if (route != null) {
                route.onRequestTooLarge(request);
            }
        }
        super.handleOversizedMessage(ctx, oversized);
    }
}
