package io.tickwire.net.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.util.function.BooleanSupplier;

/**
 * The probes of an orchestrator: {@code /health} (liveness: 200 {@code ok} while the process serves HTTP)
 * and {@code /ready} (readiness: 200 {@code ready}, or 503 {@code draining} once the server stops taking
 * new players, so a load balancer sends no one new). Immutable; any thread.
 */
public final class HealthRoute implements HttpRoute {
    public static final String HEALTH_PATH = "/health";
    public static final String READY_PATH = "/ready";

    private final BooleanSupplier ready;

    /** Answers {@code /ready} from {@code ready}, asked on each request (on the event loop: must not block). */
    public HealthRoute(BooleanSupplier ready) {
        this.ready = ready;
    }

    @Override
    public boolean matches(String uri) {
        String path = new QueryStringDecoder(uri).path();
        return path.equals(HEALTH_PATH) || path.equals(READY_PATH);
    }

    @Override
    public void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        boolean get = request.method().equals(HttpMethod.GET);
        boolean health = new QueryStringDecoder(request.uri()).path().equals(HEALTH_PATH);
        request.release();
        if (!get) {
            HttpResponder.sendText(ctx, keepAlive, HttpResponseStatus.METHOD_NOT_ALLOWED, "");
        } else if (health) {
            HttpResponder.sendText(ctx, keepAlive, HttpResponseStatus.OK, "ok\n");
        } else if (ready.getAsBoolean()) {
            HttpResponder.sendText(ctx, keepAlive, HttpResponseStatus.OK, "ready\n");
        } else {
            HttpResponder.sendText(ctx, keepAlive, HttpResponseStatus.SERVICE_UNAVAILABLE, "draining\n");
        }
    }
}
