package io.tickwire.net.socketio;

import io.tickwire.net.socketio.adapter.Adapter;
import io.tickwire.net.socketio.adapter.BroadcastFlags;
import io.tickwire.net.socketio.adapter.RecoveredSession;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.MapValue;
import io.tickwire.net.socketio.parser.PacketParsers;
import io.tickwire.net.socketio.parser.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A communication channel multiplexed over each connection (socket.io's {@code Namespace}): the registry
 * of its connected sockets, its connection middlewares and listeners, and its {@link Adapter} (rooms and
 * delivery). Broadcast helpers ({@link #to}, {@link #emit}…) start a {@link BroadcastOperator}.
 *
 * <p>Threading: every method may be called from any thread. Connection listeners and middlewares run on
 * the connecting client's event loop.
 */
public class Namespace {
    private static final Logger LOG = LoggerFactory.getLogger(Namespace.class);

    private final SocketIoServer server;
    private final String name;
    private final Adapter adapter;
    private final Map<String, Socket> sockets = new ConcurrentHashMap<>();
    private final List<ConnectionMiddleware> middlewares = new CopyOnWriteArrayList<>();
    private final List<Consumer<Socket>> connectionListeners = new CopyOnWriteArrayList<>();
    private final List<EventListener> serverSideListeners = new CopyOnWriteArrayList<>();
    private final Map<String, List<EventListener>> serverSideEventListeners = new ConcurrentHashMap<>();
    private final AtomicLong ackIds = new AtomicLong();

    Namespace(SocketIoServer server, String name) {
        this.server = server;
        this.name = name;
        this.adapter = newAdapter(server);
        adapter.init();
    }

    Adapter newAdapter(SocketIoServer server) {
        return server.options().adapterFactory().apply(this);
    }

    /** The namespace's name, e.g. {@code "/"} or {@code "/chat"}. */
    public String name() {
        return name;
    }

    public SocketIoServer server() {
        return server;
    }

    public Adapter adapter() {
        return adapter;
    }

    /** The parsers of the server, for adapters that encode. */
    public PacketParsers parsers() {
        return server.parsers();
    }

    /** The connected sockets of this namespace on this node, by id (a live, unmodifiable view). */
    public Map<String, Socket> sockets() {
        return Collections.unmodifiableMap(sockets);
    }

    /** The connected socket with {@code id} on this node, or null. */
    public Socket socket(String id) {
        return sockets.get(id);
    }

    /** Adds a connection middleware; they run in the order added, before the socket is connected. */
    public Namespace use(ConnectionMiddleware middleware) {
        middlewares.add(middleware);
        return this;
    }

    /** Adds a listener of new connections ({@code on("connection")}). */
    public Namespace onConnection(Consumer<Socket> listener) {
        connectionListeners.add(listener);
        return this;
    }

    /** Adds a listener of every event other nodes send with {@link #serverSideEmit}. */
    public Namespace onServerSideEmit(EventListener listener) {
        serverSideListeners.add(listener);
        return this;
    }

    /** Adds a listener of the events named {@code event} that other nodes send ({@code io.on(event)} there). */
    public Namespace onServerSideEmit(String event, EventListener listener) {
        serverSideEventListeners.computeIfAbsent(event, k -> new CopyOnWriteArrayList<>()).add(listener);
        return this;
    }

    // ---- broadcasting ----

    public BroadcastOperator to(String... rooms) {
        return newBroadcast().to(rooms);
    }

    public BroadcastOperator in(String... rooms) {
        return to(rooms);
    }

    public BroadcastOperator except(String... rooms) {
        return newBroadcast().except(rooms);
    }

    /** Sends {@code event} to every socket of the namespace. */
    public boolean emit(String event, Object... args) {
        return newBroadcast().emit(event, args);
    }

    /** Sends a {@code message} event to every socket of the namespace. */
    public boolean send(Object... args) {
        return emit("message", args);
    }

    public BroadcastOperator compress(boolean compress) {
        return newBroadcast().compress(compress);
    }

    /** A broadcast whose packets are dropped for clients whose transport is not writable. */
    public BroadcastOperator asVolatile() {
        return newBroadcast().asVolatile();
    }

    /** A broadcast to this node's sockets only. */
    public BroadcastOperator local() {
        return newBroadcast().local();
    }

    /** A broadcast that waits {@code timeoutMs} for acknowledgements. */
    public BroadcastOperator timeout(long timeoutMs) {
        return newBroadcast().timeout(timeoutMs);
    }

    public CompletableFuture<List<Socket>> fetchSockets() {
        return newBroadcast().fetchSockets();
    }

    /** The sockets of this namespace on every node of the cluster, as snapshots. */
    public CompletableFuture<List<RemoteSocket>> fetchRemoteSockets() {
        return newBroadcast().fetchRemoteSockets();
    }

    public void socketsJoin(String... rooms) {
        newBroadcast().socketsJoin(rooms);
    }

    public void socketsLeave(String... rooms) {
        newBroadcast().socketsLeave(rooms);
    }

    public void disconnectSockets(boolean close) {
        newBroadcast().disconnectSockets(close);
    }

    /**
     * Sends {@code event} to the same namespace on the other nodes of a cluster (see the adapter); a single
     * node has nobody to tell.
     *
     * @throws IllegalArgumentException for a reserved event name
     */
    public boolean serverSideEmit(String event, Object... args) {
        checkServerSideEvent(event);
        adapter.serverSideEmit(SocketEmitter.eventData(event, args, args.length));
        return true;
    }

    /**
     * Sends {@code event} to the other nodes and completes with their acknowledgements (one value per node
     * that answered); fails with a {@link java.util.concurrent.TimeoutException} when not all answer within
     * the adapter's request timeout. A single node completes at once with an empty list.
     *
     * @throws IllegalArgumentException for a reserved event name
     */
    public CompletableFuture<List<Value>> serverSideEmitWithAck(String event, Object... args) {
        checkServerSideEvent(event);
        return adapter.serverSideEmitWithAck(SocketEmitter.eventData(event, args, args.length));
    }

    private static void checkServerSideEvent(String event) {
        Socket.checkNotReserved(event);
        if (event.equals("connection") || event.equals("new_namespace")) {
            throw new IllegalArgumentException("\"" + event + "\" is a reserved event name");
        }
    }

    /** Delivers an event another node sent with {@link #serverSideEmit}. For cluster adapters. */
    public void onServerSideEmit(ListValue eventAndArgs, Ack ack) {
        ListValue args = eventAndArgs.slice(1);
        for (EventListener l : serverSideListeners) {
            l.onEvent(args, ack);
        }
        Value event = eventAndArgs.size() > 0 ? eventAndArgs.get(0) : Value.NULL;
        List<EventListener> named = event.isString() ? serverSideEventListeners.get(event.asString()) : null;
        if (named != null) {
            for (EventListener l : named) {
                l.onEvent(args, ack);
            }
        }
    }

    BroadcastOperator newBroadcast() {
        return new BroadcastOperator(this, Set.of(), Set.of(), BroadcastFlags.DEFAULT);
    }

    /** The id of the next acknowledgement asked by a packet of this namespace; any thread (also for adapters). */
    public long nextAckId() {
        return ackIds.getAndIncrement();
    }

    // ---- connecting, on the client's event loop ----

    /**
     * Creates the socket (restoring its session when the client asks for recovery), runs the middlewares
     * and connects it, or answers CONNECT_ERROR.
     */
    void add(Client client, MapValue auth, Consumer<Socket> onConnected) {
        Value pid = auth.get("pid");
        Value offset = auth.get("offset");
        if (server.options().recovery() != null && pid.isString() && offset.isString()) {
            adapter.restoreSession(pid.asString(), offset.asString()).whenComplete((session, error) -> {
                if (error != null) {
                    LOG.debug("restoring session {} failed", pid.asString(), error);
                }
                client.engineSocket().eventLoop().execute(() -> addSocket(client, auth, session, onConnected));
            });
        } else {
            addSocket(client, auth, null, onConnected);
        }
    }

    private void addSocket(Client client, MapValue auth, RecoveredSession session, Consumer<Socket> onConnected) {
        if (!client.isOpen()) {
            return;
        }
        Socket socket = new Socket(this, client, auth, session);
        if (socket.recovered() && server.options().recovery().skipMiddlewares()) {
            connect(socket, onConnected);
            return;
        }
        runMiddlewares(0, client, socket, onConnected);
    }

    private void runMiddlewares(int index, Client client, Socket socket, Consumer<Socket> onConnected) {
        if (index == middlewares.size()) {
            if (client.isOpen()) {
                connect(socket, onConnected);
            } else {
                socket.cleanup();
            }
            return;
        }
        ConnectionMiddleware middleware = middlewares.get(index);
        try {
            middleware.handle(socket, new OnceNext(client.engineSocket().eventLoop()) {
                @Override
                void onProceed() {
                    runMiddlewares(index + 1, client, socket, onConnected);
                }

                @Override
                void onFail(ConnectError error) {
                    refuse(client, socket, error);
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("connection middleware of {} failed", name, e);
            refuse(client, socket, new ConnectError(String.valueOf(e.getMessage())));
        }
    }

    private void refuse(Client client, Socket socket, ConnectError error) {
        socket.cleanup();
        server.metrics().middlewareRefusal();
        LOG.debug("{} refused by a middleware: {}", socket, error.getMessage());
        if (client.isOpen()) {
            socket.sendConnectError(error.toPayload());
        }
    }

    private void connect(Socket socket, Consumer<Socket> onConnected) {
        sockets.put(socket.id(), socket);
        socket.onConnect();
        onConnected.accept(socket);
        for (Consumer<Socket> l : connectionListeners) {
            try {
                l.accept(socket);
            } catch (RuntimeException e) {
                LOG.warn("connection listener of {} failed", name, e);
            }
        }
    }

    void remove(Socket socket) {
        sockets.remove(socket.id(), socket);
    }

    List<ConnectionMiddleware> middlewares() {
        return middlewares;
    }

    List<Consumer<Socket>> connectionListeners() {
        return connectionListeners;
    }

    @Override
    public String toString() {
        return "Namespace(" + name + ")";
    }
}
