package io.tickwire.net.metrics;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tickwire.net.server.HttpResponder;
import io.tickwire.net.server.HttpRoute;

import java.io.IOException;

/**
 * Answers {@code GET} at one path with a scrape of a registry in the Prometheus text format (0.0.4). The
 * scrape runs on the connection's event loop: the collectors only read counters, so it does not block.
 */
final class MetricsRoute implements HttpRoute {
    private static final PrometheusTextFormatWriter WRITER = PrometheusTextFormatWriter.create();

    private final String path;
    private final PrometheusRegistry registry;

    MetricsRoute(String path, PrometheusRegistry registry) {
        this.path = path;
        this.registry = registry;
    }

    @Override
    public boolean matches(String uri) {
        return new QueryStringDecoder(uri).path().equals(path);
    }

    @Override
    public void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        boolean get = request.method().equals(HttpMethod.GET);
        request.release();
        if (!get) {
            HttpResponder.sendText(ctx, keepAlive, HttpResponseStatus.METHOD_NOT_ALLOWED, "");
            return;
        }
        ByteBuf body = ctx.alloc().buffer();
        try (ByteBufOutputStream out = new ByteBufOutputStream(body)) {
            WRITER.write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
        } catch (IOException | RuntimeException e) {
            body.release();
            HttpResponder.sendText(ctx, keepAlive, HttpResponseStatus.INTERNAL_SERVER_ERROR, "scrape failed: " + e + "\n");
            return;
        }
        HttpResponder.send(ctx, keepAlive, HttpResponseStatus.OK, WRITER.getContentType(), body);
    }
}
