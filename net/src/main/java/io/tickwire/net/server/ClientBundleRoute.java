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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Serves the official browser client bundles of the {@code socket.io-client} npm package under the
 * Socket.IO path, as the reference's {@code serveClient} does: {@code socket.io.js},
 * {@code socket.io.min.js}, {@code socket.io.msgpack.min.js}, {@code socket.io.esm.min.js} and their
 * {@code .map}s, with the client version as a strong ETag (304 on {@code If-None-Match}) and gzip when
 * the browser accepts it. The files are packaged into this jar at build time from {@code node_modules}
 * (see {@code net/pom.xml}); when they were not, each request gets 404 and a message saying so.
 *
 * <p>Immutable after construction; the bodies are read once and shared by every response.
 */
public final class ClientBundleRoute implements HttpRoute {
    private static final String RESOURCE_DIR = "/io/tickwire/net/socketio/client-dist/";
    private static final List<String> FILES = List.of(
            "socket.io.js", "socket.io.js.map", "socket.io.min.js", "socket.io.min.js.map",
            "socket.io.msgpack.min.js", "socket.io.msgpack.min.js.map",
            "socket.io.esm.min.js", "socket.io.esm.min.js.map");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");

    private final String path;
    private final String etag;
    private final Map<String, Body> bodies = new HashMap<>();

    private record Body(ByteBuf plain, ByteBuf gzipped, String contentType) {
    }

    /** Serves the bundles under {@code path} (the Socket.IO path, e.g. {@code /socket.io/}). */
    public ClientBundleRoute(String path) {
        this.path = path.endsWith("/") ? path : path + "/";
        byte[] packageJson = read("package.json");
        Matcher version = VERSION.matcher(packageJson == null ? "" : new String(packageJson, StandardCharsets.UTF_8));
        this.etag = "\"" + (version.find() ? version.group(1) : "unknown") + "\"";
        for (String file : FILES) {
            byte[] bytes = read(file);
            if (bytes != null) {
                String type = "application/" + (file.endsWith(".map") ? "json" : "javascript") + "; charset=utf-8";
                bodies.put(file, new Body(shared(bytes), shared(gzip(bytes)), type));
            }
        }
    }

    /** Whether the bundles were packaged (built with the npm packages installed). */
    public boolean isPackaged() {
        return !bodies.isEmpty();
    }

    @Override
    public boolean matches(String uri) {
        String p = new QueryStringDecoder(uri).path();
        return p.startsWith(path) && FILES.contains(p.substring(path.length()));
    }

    @Override
    public void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        String file = new QueryStringDecoder(request.uri()).path().substring(path.length());
        String ifNoneMatch = request.headers().get(HttpHeaderNames.IF_NONE_MATCH);
        String acceptEncoding = request.headers().get(HttpHeaderNames.ACCEPT_ENCODING, "");
        HttpMethod method = request.method();
        request.release();

        Body body = bodies.get(file);
        FullHttpResponse response;
        if (!method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD)) {
            response = text(HttpResponseStatus.METHOD_NOT_ALLOWED, "");
        } else if (body == null) {
            response = text(HttpResponseStatus.NOT_FOUND,
                    "socket.io-client bundles were not packaged: run `npm ci` at the repository root and rebuild\n");
        } else if (etag.equals(ifNoneMatch) || ("W/" + etag).equals(ifNoneMatch)) {
            response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_MODIFIED);
        } else {
            boolean gzip = acceptEncoding.contains("gzip");
            ByteBuf content = gzip ? body.gzipped() : body.plain();
            response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    method.equals(HttpMethod.GET) ? content.duplicate() : Unpooled.EMPTY_BUFFER);
            response.headers()
                    .set(HttpHeaderNames.CACHE_CONTROL, "public, max-age=0")
                    .set(HttpHeaderNames.CONTENT_TYPE, body.contentType())
                    .set(HttpHeaderNames.ETAG, etag)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
            if (gzip) {
                response.headers().set(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.GZIP);
            }
        }
        if (!response.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        }
        if (keepAlive) {
            ctx.writeAndFlush(response, ctx.voidPromise());
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static FullHttpResponse text(HttpResponseStatus status, String body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        return response;
    }

    private static ByteBuf shared(byte[] bytes) {
        return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(bytes).asReadOnly());
    }

    private static byte[] read(String file) {
        try (InputStream in = ClientBundleRoute.class.getResourceAsStream(RESOURCE_DIR + file)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
