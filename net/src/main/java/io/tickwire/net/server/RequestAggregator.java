package io.tickwire.net.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Netty's request aggregator with one addition: when a body exceeds the limit, the route that would
 * have served the request is told (the Engine.IO route closes the session), then Netty answers 413.
 */
final class RequestAggregator extends HttpObjectAggregator {
    private final HttpRouter router;

    RequestAggregator(int maxContentLength, HttpRouter router) {
        super(maxContentLength);
        this.router = router;
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
