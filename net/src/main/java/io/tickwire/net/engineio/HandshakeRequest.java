package io.tickwire.net.engineio;

import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The facts of the request that opened a session, for Socket.IO's {@code socket.handshake}: headers,
 * query, remote address, URL, time and whether it came over TLS. Immutable and thread-safe.
 *
 * <p>It is kept for the whole life of a session, so it stores the headers as one compact string and
 * builds maps only when asked; callers that read them often should keep the result.
 */
public final class HandshakeRequest {
    private static final char SEP = '\0';

    private final String uri;
    private final String packedHeaders;
    private final SocketAddress remoteAddress;
    private final long timeMillis;
    private final boolean secure;

    private HandshakeRequest(String uri, String packedHeaders, SocketAddress remoteAddress, long timeMillis,
                             boolean secure) {
        this.uri = uri;
        this.packedHeaders = packedHeaders;
        this.remoteAddress = remoteAddress;
        this.timeMillis = timeMillis;
        this.secure = secure;
    }

    /** Captures {@code request}'s facts; borrows the request (reads it, keeps nothing of it). */
    public static HandshakeRequest of(HttpRequest request, SocketAddress remoteAddress, long timeMillis,
                                      boolean secure) {
        StringBuilder packed = new StringBuilder(256);
        for (Map.Entry<String, String> h : request.headers()) {
            packed.append(h.getKey()).append(SEP).append(h.getValue()).append(SEP);
        }
        return new HandshakeRequest(request.uri(), packed.toString(), remoteAddress, timeMillis, secure);
    }

    /** The request target as sent, e.g. {@code /engine.io/?EIO=4&transport=polling}. */
    public String url() {
        return uri;
    }

    /** The query parameters, first value of each, in request order. */
    public Map<String, String> query() {
        Map<String, String> out = new LinkedHashMap<>();
        new QueryStringDecoder(uri).parameters().forEach((k, v) -> out.put(k, v.isEmpty() ? "" : v.get(0)));
        return out;
    }

    /** The value of the first header named {@code name} (case-insensitive), or {@code null}. */
    public String header(String name) {
        int i = 0;
        while (i < packedHeaders.length()) {
            int nameEnd = packedHeaders.indexOf(SEP, i);
            int valueEnd = packedHeaders.indexOf(SEP, nameEnd + 1);
            if (packedHeaders.regionMatches(true, i, name, 0, name.length()) && nameEnd - i == name.length()) {
                return packedHeaders.substring(nameEnd + 1, valueEnd);
            }
            i = valueEnd + 1;
        }
        return null;
    }

    /** Every header as (lower-case name, values) in request order. */
    public Map<String, List<String>> headers() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        int i = 0;
        while (i < packedHeaders.length()) {
            int nameEnd = packedHeaders.indexOf(SEP, i);
            int valueEnd = packedHeaders.indexOf(SEP, nameEnd + 1);
            out.computeIfAbsent(packedHeaders.substring(i, nameEnd).toLowerCase(Locale.ROOT),
                    k -> new ArrayList<>(1)).add(packedHeaders.substring(nameEnd + 1, valueEnd));
            i = valueEnd + 1;
        }
        return out;
    }

    /** The peer's address (a proxy's, if there is one in front), or {@code null} if unknown. */
    public SocketAddress remoteAddress() {
        return remoteAddress;
    }

    /** The peer's IP address as text, or {@code null} if unknown. */
    public String remoteIp() {
        return remoteAddress instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : null;
    }

    /** When the request arrived, in milliseconds since the epoch. */
    public long timeMillis() {
        return timeMillis;
    }

    /** Whether the request came over TLS. */
    public boolean secure() {
        return secure;
    }

    @Override
    public String toString() {
        return "HandshakeRequest[" + uri + " from " + remoteAddress + "]";
    }
}
