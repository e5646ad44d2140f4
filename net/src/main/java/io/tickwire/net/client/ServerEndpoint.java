package io.tickwire.net.client;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.tickwire.net.server.IoTransport;

import javax.net.ssl.SSLException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Where the Engine.IO requests of one manager go: host, port, path, extra query and headers, TLS for
 * {@code https}/{@code wss}, and the socket channel class that matches the caller's event loop group (epoll,
 * io_uring or NIO). Immutable.
 */
final class ServerEndpoint {
    private final String host;
    private final int port;
    private final String path;
    private final String extraQuery;
    private final Class<? extends SocketChannel> channelClass;
    private final Map<String, String> extraHeaders;
    /** Null for plain http/ws. */
    private final SslContext tls;

    /** @throws IllegalArgumentException for a URL that is not http(s):// or ws(s)://, or has no host */
    ServerEndpoint(URI url, ClientOptions options, EventLoopGroup group) {
        String scheme = url.getScheme() == null ? "http" : url.getScheme().toLowerCase(Locale.ROOT);
        boolean secure = scheme.equals("https") || scheme.equals("wss");
        if (!secure && !scheme.equals("http") && !scheme.equals("ws")) {
            throw new IllegalArgumentException("url must be http://, https://, ws:// or wss://: " + url);
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("url has no host: " + url);
        }
        this.host = url.getHost();
        this.port = url.getPort() >= 0 ? url.getPort() : secure ? 443 : 80;
        this.tls = !secure ? null : options.sslContext() != null ? options.sslContext() : DefaultTls.CONTEXT;
        this.extraHeaders = options.extraHeaders();
        this.path = options.path().endsWith("/") ? options.path() : options.path() + "/";
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> e : options.query().entrySet()) {
            query.append('&').append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        this.extraQuery = query.toString();
        this.channelClass = IoTransport.of(group).socketChannelClass();
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    /** The {@code Host} header value. */
    String hostHeader() {
        return host + ":" + port;
    }

    Class<? extends SocketChannel> channelClass() {
        return channelClass;
    }

    /** Puts TLS first in a new connection's pipeline, for https/wss; nothing for plain http/ws. */
    void initTls(SocketChannel channel) {
        if (tls != null) {
            channel.pipeline().addFirst("tls", tls.newHandler(channel.alloc(), host, port));
        }
    }

    /** Adds the configured extra headers to a request's. */
    void addExtraHeaders(HttpHeaders headers) {
        for (Map.Entry<String, String> e : extraHeaders.entrySet()) {
            headers.set(e.getKey(), e.getValue());
        }
    }

    /** The request URI (path and query) of an Engine.IO request; {@code sid} is null for a handshake. */
    String requestUri(TransportType transport, String sid) {
        StringBuilder uri = new StringBuilder(path.length() + 64).append(path)
                .append("?EIO=4&transport=").append(transport.wireName());
        if (sid != null) {
            uri.append("&sid=").append(sid);
        }
        return uri.append(extraQuery).toString();
    }

    /** The absolute {@code ws://} or {@code wss://} URI of a WebSocket request. */
    URI webSocketUri(String sid) {
        return URI.create((tls != null ? "wss://" : "ws://") + hostHeader() + requestUri(TransportType.WEBSOCKET, sid));
    }

    /** The JDK's trusted certificates, with host name verification; built on first use of https/wss. */
    private static final class DefaultTls {
        static final SslContext CONTEXT = build();

        private static SslContext build() {
            try {
                return SslContextBuilder.forClient().endpointIdentificationAlgorithm("HTTPS").build();
            } catch (SSLException e) {
                throw new IllegalStateException("the default TLS client context cannot be built", e);
            }
        }
    }
}
