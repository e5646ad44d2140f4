package io.tickwire.net.admin;

import io.tickwire.net.socketio.Handshake;
import io.tickwire.net.socketio.Socket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A socket as the admin UI shows it ({@code serialize} of the reference): id, client id, transport, namespace,
 * data, handshake (address, headers, query, times, url) and rooms, as plain Java values ready to emit.
 */
final class SocketSnapshot {
    private SocketSnapshot() {
    }

    static Map<String, Object> of(Socket socket) {
        Handshake h = socket.handshake();
        Map<String, Object> handshake = new LinkedHashMap<>();
        String forwarded = h.header("cf-connecting-ip") != null ? h.header("cf-connecting-ip") : h.header("x-forwarded-for");
        handshake.put("address", forwarded != null ? forwarded : h.address());
        Map<String, Object> headers = new LinkedHashMap<>();
        h.headers().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        handshake.put("headers", headers);
        handshake.put("query", new LinkedHashMap<>(h.query()));
        handshake.put("issued", h.issued());
        handshake.put("secure", h.secure());
        handshake.put("time", h.time());
        handshake.put("url", h.url());
        handshake.put("xdomain", h.xdomain());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", socket.id());
        out.put("clientId", socket.clientId());
        out.put("transport", socket.transport());
        out.put("nsp", socket.namespace().name());
        out.put("data", data(socket));
        out.put("handshake", handshake);
        out.put("rooms", new ArrayList<>(socket.rooms()));
        return out;
    }

    /** The socket's data as the UI can show it: plain values as they are, anything else as its text. */
    static Map<String, Object> data(Socket socket) {
        Map<String, Object> out = new LinkedHashMap<>();
        socket.data().forEach((key, value) -> {
            if (!key.startsWith("_admin")) {
                out.put(key, plain(value));
            }
        });
        return out;
    }

    private static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(plain(v)));
            return out;
        }
        return String.valueOf(value);
    }
}
