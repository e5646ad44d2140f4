package io.tickwire.net.cluster.redis;

import io.tickwire.net.socketio.adapter.BroadcastFlags;
import io.tickwire.net.socketio.adapter.BroadcastOptions;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.MapValue;
import io.tickwire.net.socketio.parser.Packet;
import io.tickwire.net.socketio.parser.Value;
import io.tickwire.net.socketio.parser.ValueCodec;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Sends to the clients of a Socket.IO cluster from any Java process that is not a Socket.IO server,
 * compatible with {@code @socket.io/redis-emitter} 5.1: the same messages (uid {@code "emitter"}) on the
 * same channels, so Node.js and Tickwire nodes using a Redis adapter deliver them alike.
 * {@code RedisEmitter.create(link).of("/chat").to("room1").except("muted").emit("news", 1)}.
 *
 * <p>Immutable: every modifier returns a new emitter. Any thread; never blocks. Acknowledgements are not
 * supported (as in the reference).
 */
public final class RedisEmitter {
    private static final String UID = "emitter";
    private static final Set<String> RESERVED_EVENTS = Set.of("connect", "connect_error", "disconnect",
            "disconnecting", "newListener", "removeListener");

    private final RedisLink link;
    private final String key;
    private final String namespace;
    private final BroadcastOptions target;

    private RedisEmitter(RedisLink link, String key, String namespace, BroadcastOptions target) {
        this.link = link;
        this.key = key;
        this.namespace = namespace;
        this.target = target;
    }

    /** An emitter to every client of the main namespace, with the default channel prefix {@code socket.io}. */
    public static RedisEmitter create(RedisLink link) {
        return create(link, "socket.io");
    }

    /** @param key the channel prefix, the adapters' {@code key} option */
    public static RedisEmitter create(RedisLink link, String key) {
        return new RedisEmitter(link, key, "/", BroadcastOptions.ALL);
    }

    /** The same emitter for namespace {@code name} ({@code "/"} prepended when missing), all its clients. */
    public RedisEmitter of(String name) {
        return new RedisEmitter(link, key, name.startsWith("/") ? name : "/" + name, BroadcastOptions.ALL);
    }

    /** Also targets {@code rooms}. */
    public RedisEmitter to(String... rooms) {
        return with(union(target.rooms(), rooms), target.except(), target.flags());
    }

    /** Same as {@link #to}. */
    public RedisEmitter in(String... rooms) {
        return to(rooms);
    }

    /** Leaves out the clients in {@code rooms}. */
    public RedisEmitter except(String... rooms) {
        return with(target.rooms(), union(target.except(), rooms), target.flags());
    }

    /** Lets each node drop the packet for a client whose transport is not writable. */
    public RedisEmitter asVolatile() {
        return with(target.rooms(), target.except(), target.flags().withVolatile());
    }

    public RedisEmitter compress(boolean compress) {
        return with(target.rooms(), target.except(), target.flags().withCompress(compress));
    }

    /**
     * Sends {@code event} with {@code args} (values {@link Value#from} accepts) to the targeted clients.
     * Completes with how many Redis subscribers (nodes) received it; fails while Redis is unreachable.
     *
     * @throws IllegalArgumentException for a reserved event name or an argument that is not a value
     */
    public CompletableFuture<Long> emit(String event, Object... args) {
        if (RESERVED_EVENTS.contains(event)) {
            throw new IllegalArgumentException("\"" + event + "\" is a reserved event name");
        }
        ListValue.Builder data = ListValue.builder(args.length + 1).add(event);
        for (Object arg : args) {
            data.add(Value.from(arg));
        }
        Packet packet = Packet.event(namespace, Packet.NO_ACK, data.build());
        MapValue opts = ClusterMessages.options(target);
        // the emitter's own key order: rooms, flags, except
        MapValue emitterOpts = MapValue.builder(3).put("rooms", opts.get("rooms")).put("flags", opts.get("flags"))
                .put("except", opts.get("except")).build();
        String channel = key + "#" + namespace + "#";
        if (target.rooms().size() == 1) {
            channel += target.rooms().iterator().next() + "#";
        }
        return link.publish(channel, ValueCodec.toMsgpack(
                Value.list(Value.of(UID), ClusterMessages.packet(packet), emitterOpts)));
    }

    /** Makes the targeted clients join {@code rooms}, on every node. */
    public CompletableFuture<Long> socketsJoin(String... rooms) {
        return request(RequestType.REMOTE_JOIN, "rooms", strings(rooms));
    }

    /** Makes the targeted clients leave {@code rooms}, on every node. */
    public CompletableFuture<Long> socketsLeave(String... rooms) {
        return request(RequestType.REMOTE_LEAVE, "rooms", strings(rooms));
    }

    /** Disconnects the targeted clients; {@code close} closes their whole connection. */
    public CompletableFuture<Long> disconnectSockets(boolean close) {
        return request(RequestType.REMOTE_DISCONNECT, "close", Value.of(close));
    }

    /** Sends {@code event} to the servers of the namespace ({@code io.on(event)} / {@code onServerSideEmit}). */
    public CompletableFuture<Long> serverSideEmit(String event, Object... args) {
        ListValue.Builder data = ListValue.builder(args.length + 1).add(event);
        for (Object arg : args) {
            data.add(Value.from(arg));
        }
        MapValue request = ClusterMessages.request(UID, null, RequestType.SERVER_SIDE_EMIT, Value.map("data", data.build()));
        return link.publish(requestChannel(), ValueCodec.toJson(request));
    }

    /** The emitter's socket management requests carry no uid (as {@code @socket.io/redis-emitter}'s). */
    private CompletableFuture<Long> request(RequestType type, String key, Value value) {
        MapValue request = ClusterMessages.request(null, null, type,
                Value.map("opts", ClusterMessages.selection(target), key, value));
        return link.publish(requestChannel(), ValueCodec.toJson(request));
    }

    private String requestChannel() {
        return key + "-request#" + namespace + "#";
    }

    private RedisEmitter with(Set<String> rooms, Set<String> except, BroadcastFlags flags) {
        return new RedisEmitter(link, key, namespace, new BroadcastOptions(rooms, except, flags));
    }

    private static ListValue strings(String[] items) {
        return ClusterMessages.strings(Set.copyOf(List.of(items)));
    }

    private static Set<String> union(Set<String> current, String[] more) {
        Set<String> all = new HashSet<>(current);
        Collections.addAll(all, more);
        return all;
    }
}
