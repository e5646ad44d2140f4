package io.tickwire.net.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpRequest;
import io.tickwire.net.engineio.EngineIoServer;
import io.tickwire.net.socketio.SocketIoServer;

import java.util.List;

/**
 * One thing the {@link HttpServer} serves, chosen by the request target: the Engine.IO endpoint, a
 * page, static files later. The first route that {@link #matches} a request handles it.
 *
 * <p>Threading: called on the connection's event loop; must not block.
 */
public interface HttpRoute {

    /** Whether this route serves {@code uri} (the request target: path and query). */
    boolean matches(String uri);

    /** Answers {@code request}. Takes ownership of {@code request}. */
    void handle(ChannelHandlerContext ctx, FullHttpRequest request);

    /**
     * A request for this route has begun: its head has arrived, its body may still be on the way (the
     * Engine.IO route detects overlapping POSTs this way). Borrows {@code head}.
     */
    default void onRequestHead(ChannelHandlerContext ctx, HttpRequest head) {
    }

    /**
     * The request's body was larger than the server's limit; the HTTP layer answers 413 itself.
     * Borrows {@code head}.
     */
    default void onRequestTooLarge(HttpRequest head) {
    }

    /** The route of an Engine.IO server, under its {@code path}. */
    static HttpRoute engineIo(EngineIoServer server) {
        return new HttpRoute() {
            @Override
            public boolean matches(String uri) {
                return server.matches(uri);
            }

            @Override
            public void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
                server.handleRequest(ctx, request);
            }

            @Override
            public void onRequestHead(ChannelHandlerContext ctx, HttpRequest head) {
                server.onRequestHead(ctx.channel(), head);
            }

            @Override
            public void onRequestTooLarge(HttpRequest head) {
                server.onRequestTooLarge(head);
            }
        };
    }

    /**
     * The routes of a Socket.IO server: the official client bundles under its path (when
     * {@code serveClient}), then its Engine.IO endpoint. Add both, in this order.
     */
    static List<HttpRoute> socketIo(SocketIoServer server) {
        HttpRoute engine = engineIo(server.engine());
        if (!server.options().serveClient()) {
            return List.of(engine);
        }
        return List.of(new ClientBundleRoute(server.options().engine().path()), engine);
    }
}
