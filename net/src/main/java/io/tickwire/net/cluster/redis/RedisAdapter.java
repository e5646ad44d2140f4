package io.tickwire.net.cluster.redis;

import io.tickwire.net.socketio.Namespace;
import io.tickwire.net.socketio.RemoteSocket;
import io.tickwire.net.socketio.adapter.Adapter;
import io.tickwire.net.socketio.adapter.BroadcastOptions;
import io.tickwire.net.socketio.adapter.InMemoryAdapter;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.MapValue;
import io.tickwire.net.socketio.parser.Packet;
import io.tickwire.net.socketio.parser.Value;
import io.tickwire.net.socketio.parser.ValueCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * The adapter of one namespace in a cluster of Socket.IO servers sharing a Redis, wire-compatible with
 * {@code @socket.io/redis-adapter} 8.3 (so Node.js and Tickwire servers can form one cluster):
 *
 * <pre>
 *  broadcast ──▶ local sockets (InMemoryAdapter)
 *      └──────▶ PUBLISH socket.io#/nsp#[room#]   msgpack [uid, {type,data,nsp}, {rooms,except,flags}]
 *                    ──▶ other nodes: psubscribed to socket.io#/nsp#*, deliver to their own sockets
 *  fetchRemoteSockets, serverSideEmit, socketsJoin…, broadcast with acks
 *      └──────▶ PUBLISH socket.io-request#/nsp#   {uid, requestId, type, …}
 *                    ──▶ answers on socket.io-response#/nsp# (or …#&lt;uid&gt;#), collected by requestId
 * </pre>
 *
 * <p>The number of nodes is the number of subscribers of the request channel ({@code PUBSUB NUMSUB}).
 * While Redis is away, every operation still serves this node's sockets and the cluster-wide part is
 * dropped (logged); requests that need answers from other nodes count only this one. Thread-safe; Redis
 * messages are handled on Lettuce's I/O thread.
 */
public final class RedisAdapter extends InMemoryAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(RedisAdapter.class);
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RedisLink link;
    private final RedisAdapterOptions options;
    private final String uid = randomId();
    private final String channel;
    private final String requestChannel;
    private final String responseChannel;
    private final String specificResponseChannel;
    private final OutstandingRequests outstanding;
    private final RedisLink.MessageListener onBroadcast = this::onBroadcast;
    private final RedisLink.MessageListener onRequest = this::onRequest;
    private final RedisLink.MessageListener onResponse = this::onResponse;
    private final RequestResponder responder;
    private volatile CompletableFuture<Void> ready = new CompletableFuture<>();

    private RedisAdapter(Namespace namespace, RedisLink link, RedisAdapterOptions options) {
        super(namespace);
        this.link = link;
        this.options = options;
        String nsp = namespace.name();
        this.channel = options.key() + "#" + nsp + "#";
        this.requestChannel = options.key() + "-request#" + nsp + "#";
        this.responseChannel = options.key() + "-response#" + nsp + "#";
        this.specificResponseChannel = responseChannel + uid + "#";
        this.responder = new RequestResponder(this);
        this.outstanding = new OutstandingRequests(options.requestsTimeoutMs());
    }

    /**
     * The adapter factory for {@code SocketIoOptions.builder().adapterFactory(…)}: every namespace gets a
     * Redis adapter on the shared {@code link} (which the caller closes after the server).
     */
    public static Function<Namespace, Adapter> factory(RedisLink link, RedisAdapterOptions options) {
        return nsp -> new RedisAdapter(nsp, link, options);
    }

    @Override
    public void init() {
        ready = CompletableFuture.allOf(
                link.psubscribe(channel + "*", onBroadcast),
                link.subscribe(requestChannel, onRequest),
                link.subscribe(responseChannel, onResponse),
                link.subscribe(specificResponseChannel, onResponse));
    }

    /** Completes once this adapter's subscriptions are active (messages published before may be missed). */
    public CompletableFuture<Void> ready() {
        return ready;
    }

    /** This node's id in the cluster messages (6 random characters, as the Node adapter's). */
    public String uid() {
        return uid;
    }

    @Override
    public void close() {
        link.punsubscribe(channel + "*", onBroadcast);
        link.unsubscribe(requestChannel, onRequest);
        link.unsubscribe(responseChannel, onResponse);
        link.unsubscribe(specificResponseChannel, onResponse);
        outstanding.closeAll();
    }

    /** How many nodes serve this namespace; 1 when Redis cannot tell. */
    @Override
    public CompletableFuture<Integer> serverCount() {
        return link.subscriberCount(requestChannel)
                .thenApply(n -> (int) Math.max(1, n))
                .exceptionally(error -> 1);
    }

    // ---- broadcasting ----

    @Override
    public void broadcast(Packet packet, BroadcastOptions opts) {
        if (!opts.flags().local()) {
            Value message = Value.list(Value.of(uid), ClusterMessages.packet(packet), ClusterMessages.options(opts));
            String target = opts.rooms().size() == 1 ? channel + opts.rooms().iterator().next() + "#" : channel;
            publish(target, ValueCodec.toMsgpack(message));
        }
        super.broadcast(packet, opts);
    }

    @Override
    public void broadcastWithAck(Packet packet, BroadcastOptions opts, IntConsumer clientCount,
                                 Consumer<ListValue> ack) {
        if (!opts.flags().local()) {
            String requestId = randomId();
            MapValue request = ClusterMessages.request(uid, requestId, RequestType.BROADCAST, Value.map(
                    "packet", ClusterMessages.packet(packet), "opts", ClusterMessages.options(opts)));
            outstanding.openBroadcastAcks(requestId, clientCount, ack,
                    opts.flags().hasTimeout() ? opts.flags().timeoutMs() : options.requestsTimeoutMs());
            publish(requestChannel, ValueCodec.toMsgpack(request));
        }
        super.broadcastWithAck(packet, opts, clientCount, ack);
    }

    private void onBroadcast(String fromChannel, byte[] message) {
        if (!fromChannel.startsWith(channel)) {
            return;
        }
        String room = fromChannel.substring(channel.length(), Math.max(channel.length(), fromChannel.length() - 1));
        if (!room.isEmpty() && !hasRoom(room)) {
            return;
        }
        try {
            Value decoded = ValueCodec.fromMsgpack(message);
            if (!decoded.isList() || decoded.size() < 3 || uid.equals(text(decoded.get(0)))) {
                return;
            }
            Packet packet = ClusterMessages.event(decoded.get(1), "/", Packet.NO_ACK);
            if (packet == null || !packet.namespace().equals(namespace().name())) {
                return;
            }
            super.broadcast(packet, ClusterMessages.options(decoded.get(2)));
        } catch (RuntimeException e) {
            LOG.debug("ignoring a malformed broadcast on {}", fromChannel, e);
        }
    }

    // ---- socket management ----

    @Override
    public CompletableFuture<Set<String>> sockets(Set<String> rooms) {
        CompletableFuture<Set<String>> local = super.sockets(rooms);
        return askOthers(RequestType.SOCKETS, Value.map("rooms", ClusterMessages.strings(rooms))).thenCombine(local, (remote, mine) -> {
            Set<String> all = new HashSet<>(mine);
            for (Value id : remote) {
                if (id.isString()) {
                    all.add(id.asString());
                }
            }
            return all;
        });
    }

    @Override
    public CompletableFuture<List<RemoteSocket>> fetchRemoteSockets(BroadcastOptions opts) {
        CompletableFuture<List<RemoteSocket>> local = super.fetchRemoteSockets(opts);
        if (opts.flags().local()) {
            return local;
        }
        return askOthers(RequestType.REMOTE_FETCH, Value.map("opts", ClusterMessages.selection(opts))).thenCombine(local, (remote, mine) -> {
            List<RemoteSocket> all = new ArrayList<>(mine);
            for (Value details : remote) {
                RemoteSocket socket = ClusterMessages.remoteSocket(namespace(), details);
                if (socket != null) {
                    all.add(socket);
                }
            }
            return all;
        });
    }

    @Override
    public void addSockets(BroadcastOptions opts, Collection<String> rooms) {
        super.addSockets(opts, rooms);
        if (!opts.flags().local()) {
            publishRequest(RequestType.REMOTE_JOIN, Value.map("opts", ClusterMessages.selection(opts),
                    "rooms", ClusterMessages.strings(Set.copyOf(rooms))));
        }
    }

    @Override
    public void delSockets(BroadcastOptions opts, Collection<String> rooms) {
        super.delSockets(opts, rooms);
        if (!opts.flags().local()) {
            publishRequest(RequestType.REMOTE_LEAVE, Value.map("opts", ClusterMessages.selection(opts),
                    "rooms", ClusterMessages.strings(Set.copyOf(rooms))));
        }
    }

    @Override
    public void disconnectSockets(BroadcastOptions opts, boolean close) {
        super.disconnectSockets(opts, close);
        if (!opts.flags().local()) {
            publishRequest(RequestType.REMOTE_DISCONNECT, Value.map("opts", ClusterMessages.selection(opts),
                    "close", close));
        }
    }

    // ---- server-side events ----

    @Override
    public void serverSideEmit(ListValue eventAndArgs) {
        publishRequest(RequestType.SERVER_SIDE_EMIT, Value.map("data", eventAndArgs));
    }

    @Override
    public CompletableFuture<List<Value>> serverSideEmitWithAck(ListValue eventAndArgs) {
        return askOthers(RequestType.SERVER_SIDE_EMIT, Value.map("data", eventAndArgs));
    }

    // ---- requests and responses ----

    /**
     * Publishes a request that every other node answers once; completes with the items of all answers
     * (none when this node is alone or Redis is away), fails after {@code requestsTimeoutMs}.
     */
    private CompletableFuture<List<Value>> askOthers(RequestType type, MapValue fields) {
        return serverCount().thenCompose(servers -> {
            if (servers <= 1) {
                return CompletableFuture.completedFuture(List.of());
            }
            String requestId = randomId();
            PendingRequest pending = outstanding.open(requestId, type, servers - 1);
            publish(requestChannel, ValueCodec.toJson(ClusterMessages.request(uid, requestId, type, fields)));
            return pending.result();
        });
    }

    private void publishRequest(RequestType type, MapValue fields) {
        publish(requestChannel, ValueCodec.toJson(ClusterMessages.request(uid, null, type, fields)));
    }

    private void onRequest(String fromChannel, byte[] message) {
        try {
            Value request = ClusterMessages.decode(message);
            if (request.isMap()) {
                responder.handle(request);
            }
        } catch (RuntimeException e) {
            LOG.debug("ignoring a malformed request on {}", fromChannel, e);
        }
    }

    private void onResponse(String fromChannel, byte[] message) {
        try {
            outstanding.onResponse(ClusterMessages.decode(message));
        } catch (RuntimeException e) {
            LOG.debug("ignoring a malformed response on {}", fromChannel, e);
        }
    }

    // ---- for RequestResponder ----

    boolean isOwnRequest(Value request) {
        return uid.equals(text(request.get("uid"))) || outstanding.isOpen(text(request.get("requestId")));
    }

    /** Publishes {@code response} where the requester listens (its own channel when so configured). */
    void publishResponse(Value request, byte[] response) {
        String requester = text(request.get("uid"));
        publish(options.publishOnSpecificResponseChannel() && requester != null
                ? responseChannel + requester + "#" : responseChannel, response);
    }

    /** Publishes on the shared response channel, as the Node adapter does for server-side acknowledgements. */
    void publishSharedResponse(byte[] response) {
        publish(responseChannel, response);
    }

    void localAddSockets(BroadcastOptions opts, Collection<String> rooms) {
        super.addSockets(opts, rooms);
    }

    void localDelSockets(BroadcastOptions opts, Collection<String> rooms) {
        super.delSockets(opts, rooms);
    }

    void localDisconnectSockets(BroadcastOptions opts, boolean close) {
        super.disconnectSockets(opts, close);
    }

    void localBroadcastWithAck(Packet packet, BroadcastOptions opts, IntConsumer clientCount,
                               Consumer<ListValue> ack) {
        super.broadcastWithAck(packet, opts, clientCount, ack);
    }

    CompletableFuture<Set<String>> localSockets(Set<String> rooms) {
        return super.sockets(rooms);
    }

    List<io.tickwire.net.socketio.Socket> localRecipients(BroadcastOptions opts) {
        return recipients(opts);
    }

    private void publish(String target, byte[] message) {
        link.publish(target, message).whenComplete((receivers, error) -> {
            if (error != null) {
                LOG.debug("not published to {} (Redis unreachable?): {}", target, error.toString());
            }
        });
    }

    static String text(Value value) {
        return value != null && value.isString() ? value.asString() : null;
    }

    static String randomId() {
        char[] id = new char[6];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length()));
        }
        return new String(id);
    }
}
