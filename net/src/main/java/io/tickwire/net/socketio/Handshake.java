package io.tickwire.net.socketio;

import io.tickwire.net.engineio.HandshakeRequest;
import io.tickwire.net.socketio.parser.MapValue;

import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * What the client presented when its socket joined the namespace ({@code socket.handshake} of the
 * reference): the HTTP request that opened the Engine.IO session and the CONNECT packet's auth payload.
 * Immutable.
 *
 * @param headers the request's headers, names lower-cased
 * @param query   the request's query parameters (first value of each)
 * @param auth    the CONNECT packet's payload ({@code auth} option of the client), empty when none
 * @param address the client's IP address
 * @param time    when the socket was created, as JavaScript's {@code new Date() + ""} would print it
 * @param issued  when the socket was created, in epoch milliseconds
 * @param url     the request target (path and query) of the first request
 * @param secure  whether the connection used TLS
 * @param xdomain whether the request carried an {@code Origin} header
 */
public record Handshake(Map<String, List<String>> headers, Map<String, String> query, MapValue auth,
                        String address, String time, long issued, String url, boolean secure, boolean xdomain) {

    static Handshake of(HandshakeRequest request, MapValue auth, long nowMillis) {
        return new Handshake(request.headers(), request.query(), auth, request.remoteIp(),
                new Date(nowMillis).toString(), nowMillis, request.url(), request.secure(),
                request.header("origin") != null);
    }

    /** The first value of header {@code name} (case-insensitive), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
