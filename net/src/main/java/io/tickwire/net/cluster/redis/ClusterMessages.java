package io.tickwire.net.cluster.redis;

import io.tickwire.net.socketio.Handshake;
import io.tickwire.net.socketio.Namespace;
import io.tickwire.net.socketio.RemoteSocket;
import io.tickwire.net.socketio.Socket;
import io.tickwire.net.socketio.adapter.BroadcastFlags;
import io.tickwire.net.socketio.adapter.BroadcastOptions;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.MapValue;
import io.tickwire.net.socketio.parser.Packet;
import io.tickwire.net.socketio.parser.PacketType;
import io.tickwire.net.socketio.parser.Value;
import io.tickwire.net.socketio.parser.ValueCodec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shapes of the values {@code @socket.io/redis-adapter} 8.3 and {@code @socket.io/redis-emitter} 5.1
 * exchange, as observed on Redis: a socket.io-parser packet object {@code {type, data, nsp}}, broadcast
 * options {@code {rooms, except, flags}}, socket details {@code {id, handshake, rooms, data}}. Requests and
 * responses are JSON objects, except BROADCAST and BROADCAST_ACK which are msgpack (a message is JSON when
 * its first byte is {@code '{'}). Stateless.
 */
final class ClusterMessages {
    private ClusterMessages() {
    }

    /** The packet object the Node adapter publishes: no {@code id} (each node numbers its own acks). */
    static MapValue packet(Packet packet) {
        return MapValue.builder(3)
                .put("type", PacketType.EVENT.number())
                .put("data", packet.data())
                .put("nsp", packet.namespace())
                .build();
    }

    /** The EVENT a packet object describes, with {@code ackId}; null when it is not an event. */
    static Packet event(Value packet, String defaultNamespace, long ackId) {
        if (!packet.isMap() || !packet.get("data").isList()) {
            return null;
        }
        Value type = packet.get("type");
        if (!type.isNumber() || (type.asLong() != PacketType.EVENT.number()
                && type.asLong() != PacketType.BINARY_EVENT.number())) {
            return null;
        }
        Value nsp = packet.get("nsp");
        return Packet.event(nsp.isString() ? nsp.asString() : defaultNamespace, ackId, (ListValue) packet.get("data"));
    }

    /** {@code {rooms, except, flags}}; flags carry only what differs from the defaults, as in Node. */
    static MapValue options(BroadcastOptions opts) {
        MapValue.Builder flags = MapValue.builder(3);
        if (opts.flags().volatile_()) {
            flags.put("volatile", true);
        }
        if (!opts.flags().compress()) {
            flags.put("compress", false);
        }
        if (opts.flags().hasTimeout()) {
            flags.put("timeout", opts.flags().timeoutMs());
        }
        return MapValue.builder(3)
                .put("rooms", strings(opts.rooms()))
                .put("except", strings(opts.except()))
                .put("flags", flags.build())
                .build();
    }

    /** {@code {rooms, except}}, the options of the socket management requests. */
    static MapValue selection(BroadcastOptions opts) {
        return MapValue.builder(2).put("rooms", strings(opts.rooms())).put("except", strings(opts.except())).build();
    }

    /** The broadcast options a message carries (absent parts read as empty / default). */
    static BroadcastOptions options(Value opts) {
        if (!opts.isMap()) {
            return BroadcastOptions.ALL;
        }
        BroadcastFlags flags = BroadcastFlags.DEFAULT;
        Value given = opts.get("flags");
        if (given.isMap()) {
            if (given.get("volatile").isBoolean() && given.get("volatile").asBoolean()) {
                flags = flags.withVolatile();
            }
            if (given.get("compress").isBoolean()) {
                flags = flags.withCompress(given.get("compress").asBoolean());
            }
        }
        return new BroadcastOptions(stringSet(opts.get("rooms")), stringSet(opts.get("except")), flags);
    }

    static ListValue strings(Set<String> items) {
        ListValue.Builder list = ListValue.builder(items.size());
        for (String item : items) {
            list.add(item);
        }
        return list.build();
    }

    /** The strings of a list; numbers become their JavaScript text (rooms may be numbers in Node). */
    static Set<String> stringSet(Value list) {
        if (!list.isList()) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        for (Value item : list.asList()) {
            if (item.isString()) {
                out.add(item.asString());
            } else if (item.isNumber()) {
                out.add(item.toString());
            }
        }
        return out;
    }

    /** What REMOTE_FETCH answers for a local socket. */
    static MapValue socketDetails(Socket socket) {
        return MapValue.builder(4)
                .put("id", socket.id())
                .put("handshake", handshake(socket.handshake()))
                .put("rooms", strings(socket.rooms()))
                .put("data", RemoteSocket.dataValue(socket))
                .build();
    }

    /** The socket another node described, or null when the description has no id. */
    static RemoteSocket remoteSocket(Namespace namespace, Value details) {
        if (!details.isMap() || !details.get("id").isString()) {
            return null;
        }
        return new RemoteSocket(namespace, details.get("id").asString(), handshake(details.get("handshake")),
                stringSet(details.get("rooms")), details.get("data"));
    }

    /** A handshake as socket.io serialises it: one string per header unless it repeats. */
    static MapValue handshake(Handshake handshake) {
        MapValue.Builder headers = MapValue.builder(handshake.headers().size());
        for (Map.Entry<String, List<String>> header : handshake.headers().entrySet()) {
            List<String> values = header.getValue();
            headers.put(header.getKey(), values.size() == 1 ? Value.of(values.get(0)) : Value.from(values));
        }
        MapValue.Builder query = MapValue.builder(handshake.query().size());
        handshake.query().forEach(query::put);
        return MapValue.builder(9)
                .put("headers", headers.build())
                .put("time", handshake.time())
                .put("address", handshake.address())
                .put("xdomain", handshake.xdomain())
                .put("secure", handshake.secure())
                .put("issued", handshake.issued())
                .put("url", handshake.url())
                .put("query", query.build())
                .put("auth", handshake.auth())
                .build();
    }

    /** The handshake another node described, or null when there is none. */
    static Handshake handshake(Value value) {
        if (!value.isMap()) {
            return null;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (value.get("headers").isMap()) {
            value.get("headers").asMap().forEach((name, v) -> headers.put(name, textList(v)));
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (value.get("query").isMap()) {
            value.get("query").asMap().forEach((name, v) -> query.put(name, v.isString() ? v.asString() : v.toString()));
        }
        Value auth = value.get("auth");
        return new Handshake(headers, query, auth.isMap() ? (MapValue) auth : MapValue.builder().build(),
                text(value.get("address")), text(value.get("time")),
                value.get("issued").isNumber() ? (long) value.get("issued").asDouble() : 0,
                text(value.get("url")), value.get("secure").isBoolean() && value.get("secure").asBoolean(),
                value.get("xdomain").isBoolean() && value.get("xdomain").asBoolean());
    }

    private static List<String> textList(Value v) {
        List<String> out = new ArrayList<>();
        if (v.isList()) {
            for (Value item : v.asList()) {
                out.add(text(item));
            }
        } else {
            out.add(text(v));
        }
        return out;
    }

    private static String text(Value v) {
        return v.isString() ? v.asString() : v.isNull() ? null : v.toString();
    }

    /**
     * A request in the Node adapter's key order: {@code uid}, {@code requestId} (when not null), {@code type},
     * then {@code rest}'s entries.
     */
    static MapValue request(String uid, String requestId, RequestType type, MapValue rest) {
        MapValue.Builder request = MapValue.builder(rest.size() + 3);
        if (uid != null) {
            request.put("uid", uid);
        }
        if (requestId != null) {
            request.put("requestId", requestId);
        }
        request.put("type", type.number());
        for (int i = 0; i < rest.size(); i++) {
            request.put(rest.keyAt(i), rest.valueAt(i));
        }
        return request.build();
    }

    /** A request or response: JSON when it starts with {@code '{'}, msgpack otherwise. */
    static Value decode(byte[] message) {
        return message.length > 0 && message[0] == '{' ? ValueCodec.fromJson(message) : ValueCodec.fromMsgpack(message);
    }
}
