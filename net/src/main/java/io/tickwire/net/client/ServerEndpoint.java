package io.tickwire.net.client;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.tickwire.net.server.IoTransport;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Where the Engine.IO requests of one manager go: host, port, path and extra query, and the socket channel
 * class that matches the caller's event loop group (epoll or NIO). Immutable. Plain {@code http}/{@code ws}
 * only: TLS is not supported yet.
 */
final class ServerEndpoint {
    private final String host;
    private final int port;
    private final String path;
    private final String extraQuery;
    private final Class<? extends SocketChannel> channelClass;

    /** @throws IllegalArgumentException for a URL that is not http://, ws:// or has no host */
    ServerEndpoint(URI url, ClientOptions options, EventLoopGroup group) {
        String scheme = url.getScheme() == null ? "http" : url.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("ws")) {
            throw new IllegalArgumentException("url must be http:// or ws:// (TLS is not supported yet): " + url);
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("url has no host: " + url);
        }
        this.host = url.getHost();
        this.port = url.getPort() < 0 ? 80 : url.getPort();
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

    /** The request URI (path and query) of an Engine.IO request; {@code sid} is null for a handshake. */
    String requestUri(TransportType transport, String sid) {
        StringBuilder uri = new StringBuilder(path.length() + 64).append(path)
                .append("?EIO=4&transport=").append(transport.wireName());
        if (sid != null) {
            uri.append("&sid=").append(sid);
        }
        return uri.append(extraQuery).toString();
    }

    /** The absolute {@code ws://} URI of a WebSocket request. */
    URI webSocketUri(String sid) {
        return URI.create("ws://" + hostHeader() + requestUri(TransportType.WEBSOCKET, sid));
    }
}
