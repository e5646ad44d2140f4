package io.tickwire.net.socketio;

import io.netty.channel.EventLoop;
import io.tickwire.net.socketio.adapter.BroadcastFlags;
import io.tickwire.net.socketio.adapter.PersistedSession;
import io.tickwire.net.socketio.adapter.RecoveredSession;
import io.tickwire.net.socketio.parser.BroadcastEncoding;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.MapValue;
import io.tickwire.net.socketio.parser.Packet;
import io.tickwire.net.socketio.parser.ParserKind;
import io.tickwire.net.socketio.parser.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One client in one namespace (socket.io's server-side {@code Socket}): its listeners, the
 * acknowledgements it waits for, the rooms it joined, {@link #data()} and {@link #handshake()}.
 *
 * <p>Threading: listeners, middlewares and acknowledgement callbacks run on the connection's event loop
 * ({@link #eventLoop()}), one at a time. Every other method may be called from any thread and never
 * blocks: emits from one thread reach the client in the order they were made.
 */
public final class Socket {
    private static final Logger LOG = LoggerFactory.getLogger(Socket.class);
    private static final Set<String> RESERVED_EVENTS = Set.of(
            "connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");

    private final Namespace namespace;
    private final Client client;
    private final String id;
    private final String pid;
    private final Handshake handshake;
    private final boolean recovered;
    private final Map<String, Object> data;
    private final Map<String, List<EventListener>> listeners = new ConcurrentHashMap<>();
    private final List<AnyListener> anyListeners = new CopyOnWriteArrayList<>();
    private final List<AnyListener> anyOutgoingListeners = new CopyOnWriteArrayList<>();
    /**
     * Whether an outgoing listener was ever added (never reset, so never wrong): read per packet sent instead of
     * the list, which a broadcast to many sockets would otherwise fetch from memory once per recipient.
     */
    private volatile boolean outgoingListened;
    private final List<EventMiddleware> middlewares = new CopyOnWriteArrayList<>();
    private final List<DisconnectListener> disconnectingListeners = new CopyOnWriteArrayList<>();
    private final List<DisconnectListener> disconnectListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> upgradeListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Throwable>> errorListeners = new CopyOnWriteArrayList<>();
    private final Map<Long, Consumer<ListValue>> acks = new ConcurrentHashMap<>();
    private volatile boolean connected;
    private volatile boolean cleanedUp;

    Socket(Namespace namespace, Client client, MapValue auth, RecoveredSession previous) {
        this.namespace = namespace;
        this.client = client;
        this.handshake = Handshake.of(client.engineSocket().handshake(), auth, System.currentTimeMillis());
        if (previous != null) {
            PersistedSession session = previous.session();
            this.id = session.sid();
            this.pid = session.pid();
            this.data = new ConcurrentHashMap<>(session.data());
            this.recovered = true;
            join(session.rooms());
            for (ListValue missed : previous.missedPackets()) {
                client.writePacket(Packet.event(namespace.name(), Packet.NO_ACK, missed), false);
            }
        } else {
            this.id = Ids.newId();
            this.pid = namespace.server().options().recovery() != null ? Ids.newId() : null;
            this.data = new ConcurrentHashMap<>();
            this.recovered = false;
        }
    }

    /** The socket's public id (not the Engine.IO session id, which is kept private as in the reference). */
    public String id() {
        return id;
    }

    /** The private id the client presents to recover this session, or null without connection state recovery. */
    public String pid() {
        return pid;
    }

    /**
     * The first 12 characters of its connection's Engine.IO session id: what the admin UI groups sockets of one
     * client by (as the reference's instrumentation does). Not the whole id, which would let a reader poll the
     * session.
     */
    public String clientId() {
        String sid = client.engineSocket().id();
        return sid.substring(0, Math.min(12, sid.length()));
    }

    public Namespace namespace() {
        return namespace;
    }

    public Handshake handshake() {
        return handshake;
    }

    /** Free-form data attached to this socket ({@code socket.data}); kept by connection state recovery. */
    public Map<String, Object> data() {
        return data;
    }

    /** Whether this socket got its previous session back through connection state recovery. */
    public boolean recovered() {
        return recovered;
    }

    public boolean connected() {
        return connected;
    }

    public boolean disconnected() {
        return !connected;
    }

    /** The current transport: {@code polling} or {@code websocket}. */
    public String transport() {
        return client.engineSocket().transportName();
    }

    /** The event loop that runs this socket's listeners. */
    public EventLoop eventLoop() {
        return client.engineSocket().eventLoop();
    }

    /** The rooms this socket is in, its own id included (a snapshot). */
    public Set<String> rooms() {
        return namespace.adapter().socketRooms(id);
    }

    // ---- listening ----

    /** Adds a listener of {@code event}. */
    public Socket on(String event, EventListener listener) {
        listeners.computeIfAbsent(event, k -> new CopyOnWriteArrayList<>()).add(listener);
        return this;
    }

    /** Adds a listener of {@code event} that is removed after its first call. */
    public Socket once(String event, EventListener listener) {
        EventListener[] self = new EventListener[1];
        self[0] = (args, ack) -> {
            off(event, self[0]);
            listener.onEvent(args, ack);
        };
        return on(event, self[0]);
    }

    /** Removes {@code listener} from {@code event}. */
    public Socket off(String event, EventListener listener) {
        List<EventListener> list = listeners.get(event);
        if (list != null) {
            list.remove(listener);
        }
        return this;
    }

    /** Removes every listener of {@code event}. */
    public Socket off(String event) {
        listeners.remove(event);
        return this;
    }

    /** Adds a listener called for every incoming event, before the event's own listeners. */
    public Socket onAny(AnyListener listener) {
        anyListeners.add(listener);
        return this;
    }

    /** Like {@link #onAny} but called before the listeners already added. */
    public Socket prependAny(AnyListener listener) {
        anyListeners.add(0, listener);
        return this;
    }

    /** Removes {@code listener}, or every catch-all listener when null. */
    public Socket offAny(AnyListener listener) {
        if (listener == null) {
            anyListeners.clear();
        } else {
            anyListeners.remove(listener);
        }
        return this;
    }

    /** Adds a listener called for every event emitted to this client (broadcasts included). */
    public Socket onAnyOutgoing(AnyListener listener) {
        anyOutgoingListeners.add(listener);
        outgoingListened = true;
        return this;
    }

    /** Removes {@code listener}, or every outgoing catch-all listener when null. */
    public Socket offAnyOutgoing(AnyListener listener) {
        if (listener == null) {
            anyOutgoingListeners.clear();
        } else {
            anyOutgoingListeners.remove(listener);
        }
        return this;
    }

    /** Adds an event middleware, run in order before the listeners of each incoming event. */
    public Socket use(EventMiddleware middleware) {
        middlewares.add(middleware);
        return this;
    }

    /** Told when the socket is about to leave (its rooms are still joined). */
    public Socket onDisconnecting(DisconnectListener listener) {
        disconnectingListeners.add(listener);
        return this;
    }

    /** Told when the socket has left its namespace. */
    public Socket onDisconnect(DisconnectListener listener) {
        disconnectListeners.add(listener);
        return this;
    }

    /**
     * Told, on this socket's event loop, when the connection underneath upgrades its transport (polling to
     * WebSocket; {@link #transport()} then names the new one), as {@code socket.conn.on("upgrade")}.
     */
    public Socket onUpgrade(Runnable listener) {
        upgradeListeners.add(listener);
        return this;
    }

    /** The connection underneath upgraded its transport. Event loop only. */
    void upgraded() {
        for (Runnable l : upgradeListeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                LOG.warn("upgrade listener of {} failed", this, e);
            }
        }
    }

    /** Told of errors: an event middleware's refusal, a malformed packet from the client. */
    public Socket onError(Consumer<Throwable> listener) {
        errorListeners.add(listener);
        return this;
    }

    // ---- emitting ----

    /**
     * Sends {@code event} with {@code args} to this client; a last argument that is an {@link AckCallback}
     * asks for an acknowledgement.
     *
     * @return false when the socket is disconnected
     * @throws IllegalArgumentException for a reserved event name or an argument that is not a value
     */
    public boolean emit(String event, Object... args) {
        return new SocketEmitter(this, BroadcastFlags.DEFAULT).emit(event, args);
    }

    /** Sends {@code event} and completes with the acknowledgement's arguments. */
    public CompletableFuture<ListValue> emitWithAck(String event, Object... args) {
        return new SocketEmitter(this, BroadcastFlags.DEFAULT).emitWithAck(event, args);
    }

    /** Sends a {@code message} event ({@code socket.send}). */
    public boolean send(Object... args) {
        return emit("message", args);
    }

    /** An emitter whose acknowledgements time out after {@code timeoutMs}. */
    public SocketEmitter timeout(long timeoutMs) {
        return new SocketEmitter(this, BroadcastFlags.DEFAULT.withTimeout(timeoutMs));
    }

    /** An emitter whose packets are dropped when the transport is not writable. */
    public SocketEmitter asVolatile() {
        return new SocketEmitter(this, BroadcastFlags.DEFAULT.withVolatile());
    }

    /** An emitter with compression switched on or off. */
    public SocketEmitter compress(boolean compress) {
        return new SocketEmitter(this, BroadcastFlags.DEFAULT.withCompress(compress));
    }

    /** A broadcast to {@code rooms}, this socket excluded. */
    public BroadcastOperator to(String... rooms) {
        return broadcast().to(rooms);
    }

    /** Same as {@link #to}. */
    public BroadcastOperator in(String... rooms) {
        return to(rooms);
    }

    /** A broadcast to every socket but those in {@code rooms} and this one. */
    public BroadcastOperator except(String... rooms) {
        return broadcast().except(rooms);
    }

    /** A broadcast to every other socket of the namespace. */
    public BroadcastOperator broadcast() {
        return new BroadcastOperator(namespace, Set.of(), Set.of(id), BroadcastFlags.DEFAULT);
    }

    /** A broadcast to every other socket of the namespace on this node only. */
    public BroadcastOperator local() {
        return broadcast().local();
    }

    // ---- rooms and lifecycle ----

    /** Joins {@code rooms}. Ignored once the socket has disconnected. */
    public Socket join(String... rooms) {
        return join(List.of(rooms));
    }

    /** Joins {@code rooms}. Ignored once the socket has disconnected. */
    public Socket join(Collection<String> rooms) {
        if (!cleanedUp) {
            namespace.adapter().addAll(id, rooms);
        }
        return this;
    }

    /** Leaves {@code room}. */
    public Socket leave(String room) {
        namespace.adapter().del(id, room);
        return this;
    }

    /**
     * Disconnects this socket from its namespace (the client gets a DISCONNECT packet, reason
     * "server namespace disconnect"), or closes the whole connection when {@code close} (every socket of the
     * client, reason "forced server close"). Any thread; idempotent.
     */
    public Socket disconnect(boolean close) {
        EventLoop loop = eventLoop();
        if (!loop.inEventLoop()) {
            loop.execute(() -> disconnect(close));
            return this;
        }
        if (!connected) {
            return this;
        }
        if (close) {
            client.disconnectAll();
        } else {
            client.writePacket(Packet.disconnect(namespace.name()), false);
            onClose(DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
        }
        return this;
    }

    /** Same as {@code disconnect(false)}. */
    public Socket disconnect() {
        return disconnect(false);
    }

    @Override
    public String toString() {
        return "socket=" + id + " namespace=" + namespace.name() + " " + client.engineSocket();
    }

    // ---- used by the adapter (delivery) ----

    /**
     * Queues a broadcast's encoding for this client's parser <b>without flushing</b>: for senders that batch
     * many packets per connection (a game tick) and then call {@link #flush()} once. Borrows
     * {@code encoding}. Bypasses the adapter, so the packet gets no recovery offset: meant for state that the
     * next message supersedes. Any thread; emits from one thread keep their order.
     *
     * @return the bytes queued; 0 when the connection is closed; -1 when {@code volatile_} and the transport
     *         was not writable, so the packet was dropped (and counted in {@link SocketIoMetrics})
     */
    public long write(BroadcastEncoding encoding, boolean volatile_) {
        if (!connected) {
            return 0;
        }
        notifyOutgoing(encoding.packet());
        return client.writeEncoded(encoding.forKind(client.parserKind()), volatile_, false);
    }

    /**
     * As {@link #write(BroadcastEncoding, boolean)} for a broadcast prepared before it was handed to this
     * thread: a WebSocket connection gets the prepared frames (one retained duplicate, one channel write), any
     * other the payloads. With {@code flush} the connection is flushed too: written on its own loop, a WebSocket
     * taking the frames is flushed once at the end of the loop's turn, with the rest of that turn's frames
     * (for a sender whose packet is the connection's only one this tick). Borrows {@code broadcast},
     * which must be prepared for {@link #parserKind()}. Any thread.
     *
     * @return as {@link #write(BroadcastEncoding, boolean)}
     */
    public long write(PreparedBroadcast broadcast, boolean volatile_, boolean flush) {
        if (!connected) {
            return 0;
        }
        notifyOutgoing(broadcast.encoding().packet());
        return client.writePrepared(broadcast, volatile_, flush);
    }

    /**
     * The parser of this client's connection: the default parser until its first message, unless the server
     * pins one. Lets a sender encode a broadcast for exactly the kinds its recipients need before handing it
     * to other threads. Any thread.
     */
    public ParserKind parserKind() {
        return client.parserKind();
    }

    /** Flushes what {@link #write} queued on this client's connection. Any thread; never blocks. */
    public void flush() {
        client.flush();
    }

    /** Routes the acknowledgement with {@code ackId} to {@code receiver}. For adapters; any thread. */
    public void expectAck(long ackId, Consumer<ListValue> receiver) {
        acks.put(ackId, receiver);
    }

    // ---- package-private: driven by Client and Namespace on the event loop ----

    Client client() {
        return client;
    }

    static void checkNotReserved(String event) {
        if (event == null || RESERVED_EVENTS.contains(event)) {
            throw new IllegalArgumentException("\"" + event + "\" is a reserved event name");
        }
    }

    void notifyOutgoing(Packet packet) {
        if (!outgoingListened || !(packet.data() instanceof ListValue args) || args.size() == 0) {
            return;
        }
        String event = args.get(0).isString() ? args.get(0).asString() : "";
        ListValue rest = args.slice(1);
        for (AnyListener l : anyOutgoingListeners) {
            l.onAny(event, rest);
        }
    }

    void registerAck(long ackId, AckCallback callback, long timeoutMs) {
        if (timeoutMs == BroadcastFlags.NO_TIMEOUT) {
            acks.put(ackId, args -> callback.onAck(null, args));
            return;
        }
        io.netty.util.concurrent.ScheduledFuture<?> timer = eventLoop().schedule(() -> {
            if (acks.remove(ackId) != null) {
                namespace.server().metrics().ackTimeout();
                callback.onAck(new AckTimeoutException(), ListValue.empty());
            }
        }, timeoutMs, TimeUnit.MILLISECONDS);
        acks.put(ackId, args -> {
            timer.cancel(false);
            callback.onAck(null, args);
        });
    }

    void onConnect() {
        connected = true;
        LOG.debug("{} connected", this);
        join(id);
        MapValue.Builder payload = MapValue.builder().put("sid", id);
        if (pid != null) {
            payload.put("pid", pid);
        }
        client.writePacket(Packet.connect(namespace.name(), payload.build()), false);
    }

    void onPacket(Packet packet) {
        switch (packet.type()) {
            case EVENT, BINARY_EVENT -> onEvent(packet);
            case ACK, BINARY_ACK -> onAckPacket(packet);
            case DISCONNECT -> onClose(DisconnectReason.CLIENT_NAMESPACE_DISCONNECT);
            default -> LOG.debug("{} ignores a {} packet", this, packet.type());
        }
    }

    private void onEvent(Packet packet) {
        ListValue data = (ListValue) packet.data();
        String event = data.get(0).asString();
        ListValue args = data.slice(1);
        Ack ack = packet.hasAckId() ? new IncomingAck(packet.ackId()) : null;
        for (AnyListener l : anyListeners) {
            try {
                l.onAny(event, args);
            } catch (RuntimeException e) {
                LOG.warn("catch-all listener of {} failed on '{}'", this, event, e);
            }
        }
        runMiddlewares(0, event, args, ack);
    }

    private void runMiddlewares(int index, String event, ListValue args, Ack ack) {
        if (index == middlewares.size()) {
            dispatch(event, args, ack);
            return;
        }
        EventMiddleware middleware = middlewares.get(index);
        middleware.handle(event, args, new OnceNext(eventLoop()) {
            @Override
            void onProceed() {
                runMiddlewares(index + 1, event, args, ack);
            }

            @Override
            void onFail(ConnectError error) {
                onError(error);
            }
        });
    }

    private void dispatch(String event, ListValue args, Ack ack) {
        if (!connected) {
            return;
        }
        List<EventListener> list = listeners.get(event);
        if (list == null) {
            return;
        }
        for (EventListener l : list) {
            try {
                l.onEvent(args, ack);
            } catch (RuntimeException e) {
                LOG.warn("listener of '{}' on {} failed", event, this, e);
            }
        }
    }

    private void onAckPacket(Packet packet) {
        Consumer<ListValue> receiver = acks.remove(packet.ackId());
        if (receiver == null) {
            LOG.debug("{} got an unknown ack id {}", this, packet.ackId());
            return;
        }
        ListValue args = packet.data() instanceof ListValue list ? list : ListValue.empty();
        try {
            receiver.accept(args);
        } catch (RuntimeException e) {
            LOG.warn("ack callback of {} failed", this, e);
        }
    }

    void onError(Throwable error) {
        for (Consumer<Throwable> l : errorListeners) {
            try {
                l.accept(error);
            } catch (RuntimeException e) {
                LOG.warn("error listener of {} failed", this, e);
            }
        }
    }

    void onClose(DisconnectReason reason) {
        if (!connected) {
            return;
        }
        LOG.debug("{} disconnected: {}", this, reason);
        for (DisconnectListener l : disconnectingListeners) {
            notify(l, reason);
        }
        if (namespace.server().options().recovery() != null && reason.isRecoverable()) {
            namespace.adapter().persistSession(new PersistedSession(id, pid, new ArrayList<>(rooms()),
                    Map.copyOf(data), System.currentTimeMillis()));
        }
        cleanup();
        client.remove(this);
        connected = false;
        for (DisconnectListener l : disconnectListeners) {
            notify(l, reason);
        }
    }

    private void notify(DisconnectListener l, DisconnectReason reason) {
        try {
            l.onDisconnect(reason);
        } catch (RuntimeException e) {
            LOG.warn("disconnect listener of {} failed", this, e);
        }
    }

    /** Leaves every room and the namespace; later joins are ignored. */
    void cleanup() {
        cleanedUp = true;
        namespace.adapter().delAll(id);
        namespace.remove(this);
    }

    /** Sends the client a CONNECT_ERROR with {@code payload}. */
    void sendConnectError(Value payload) {
        client.writePacket(Packet.connectError(namespace.name(), payload), false);
    }

    private final class IncomingAck implements Ack {
        private final long ackId;
        private volatile boolean sent;

        IncomingAck(long ackId) {
            this.ackId = ackId;
        }

        @Override
        public void send(Object... args) {
            if (sent) {
                return;
            }
            sent = true;
            ListValue.Builder list = ListValue.builder(args.length);
            for (Object arg : args) {
                list.add(Value.from(arg));
            }
            client.writePacket(Packet.ack(namespace.name(), ackId, list.build()), false);
        }
    }
}
