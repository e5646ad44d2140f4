package io.tickwire.net.admin;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.tickwire.net.server.HttpResponder;
import io.tickwire.net.server.HttpRoute;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the admin UI's built files ({@code @socket.io/admin-ui/ui/dist}, packaged into this jar at build time,
 * see {@code net/pom.xml}) under {@code /admin/}, with the fonts it would take from CDNs ({@link LocalFonts});
 * {@code /admin} redirects there so the page's relative links resolve. Files are read from the classpath once and kept. Only names made of safe characters are looked up,
 * so no request reaches outside the UI's folder. Thread-safe.
 */
public final class AdminUiRoute implements HttpRoute {
    private static final String RESOURCE_DIR = "/io/tickwire/net/admin/ui/";
    private static final String PATH = "/admin";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "png", "image/png",
            "svg", "image/svg+xml", "map", "application/json", "woff2", "font/woff2", "woff", "font/woff");
    private static final String INDEX = "index.html";

    private final Map<String, ByteBuf> files = new ConcurrentHashMap<>();

    /** Whether the UI's files were packaged (node_modules was installed when the jar was built). */
    public static boolean isPackaged() {
        return AdminUiRoute.class.getResource(RESOURCE_DIR + "index.html") != null;
    }

    @Override
    public boolean matches(String uri) {
        String path = new QueryStringDecoder(uri).path();
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    @Override
    public void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        boolean get = request.method().equals(HttpMethod.GET);
        String path = new QueryStringDecoder(request.uri()).path();
        request.release();
        if (!get) {
            HttpResponder.sendText(ctx, keepAlive, HttpResponseStatus.METHOD_NOT_ALLOWED, "");
            return;
        }
        if (path.equals(PATH)) {
            FullHttpResponse redirect = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.FOUND,
                    Unpooled.EMPTY_BUFFER);
            redirect.headers().set(HttpHeaderNames.LOCATION, PATH + "/").setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            ctx.writeAndFlush(redirect).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        String name = path.substring(PATH.length() + 1);
        if (name.isEmpty()) {
            name = INDEX;
        }
        ByteBuf body = name.matches("[A-Za-z0-9_-]+(/[A-Za-z0-9_.-]+)*\\.[a-z0-9]+") && !name.contains("..") ? file(name) : null;
        if (body == null) {
            HttpResponder.sendText(ctx, keepAlive, HttpResponseStatus.NOT_FOUND, isPackaged() ? "no such file\n"
                    : "the admin UI was not packaged: run `npm ci` at the repository root, then rebuild\n");
            return;
        }
        String extension = name.substring(name.lastIndexOf('.') + 1);
        HttpResponder.send(ctx, keepAlive, HttpResponseStatus.OK, TYPES.getOrDefault(extension, "application/octet-stream"),
                body.duplicate());
    }

    private ByteBuf file(String name) {
        ByteBuf cached = files.get(name);
        if (cached != null) {
            return cached;
        }
        try (InputStream in = AdminUiRoute.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readAllBytes();
            if (name.equals(INDEX)) {
                bytes = LocalFonts.rewrite(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            }
            ByteBuf body = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(bytes).asReadOnly());
            files.putIfAbsent(name, body);
            return files.get(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
