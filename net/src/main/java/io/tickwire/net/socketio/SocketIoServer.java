package io.tickwire.net.socketio;

import io.netty.buffer.ByteBufAllocator;
import io.tickwire.net.engineio.EngineIoServer;
import io.tickwire.net.socketio.parser.MapValue;
import io.tickwire.net.socketio.parser.PacketParsers;
import io.tickwire.net.socketio.parser.ParserKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A Socket.IO v5 server (socket.io's {@code Server}) on an {@link EngineIoServer}: namespaces, the main
 * namespace's shortcuts ({@link #emit}, {@link #to}, {@link #use}…), and the parsers shared by every
 * connection. Serve it by adding {@code HttpRoute.engineIo(server.engine())} to an {@code HttpServer}.
 *
 * <pre>
 *   EngineIoServer ──new session──▶ Client ──CONNECT /chat──▶ Namespace("/chat") ──middlewares──▶ Socket
 *                                                            ParentNamespace ──matches──▶ child Namespace
 * </pre>
 *
 * <p>Threading: every method may be called from any thread.
 */
public final class SocketIoServer {
    private final SocketIoOptions options;
    private final PacketParsers parsers;
    private final EngineIoServer engine;
    private final SocketIoMetrics metrics = new SocketIoMetrics();
    private final Map<String, Namespace> namespaces = new ConcurrentHashMap<>();
    private final List<ParentNamespace> parents = new CopyOnWriteArrayList<>();
    private final List<Consumer<Namespace>> newNamespaceListeners = new CopyOnWriteArrayList<>();
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final Namespace main;

    public SocketIoServer(SocketIoOptions options) {
        this.options = options;
        this.parsers = new PacketParsers(options.parser(), ByteBufAllocator.DEFAULT);
        this.engine = new EngineIoServer(options.engine(), conn -> new Client(this, conn));
        this.main = of("/");
    }

    public SocketIoOptions options() {
        return options;
    }

    /** The Engine.IO server underneath, to route HTTP requests to. */
    public EngineIoServer engine() {
        return engine;
    }

    public SocketIoMetrics metrics() {
        return metrics;
    }

    /**
     * Visits every open connection with its current transport ({@code polling}, {@code websocket}) and
     * parser (the default one until the client's first packet chose). Any thread; a connection opening or
     * closing meanwhile may or may not be visited. For monitoring: not a hot path.
     */
    public void forEachConnection(BiConsumer<String, ParserKind> visitor) {
        for (Client client : clients) {
            if (client.isOpen()) {
                visitor.accept(client.transportName(), client.parserKind());
            }
        }
    }

    void clientOpened(Client client) {
        clients.add(client);
        metrics.connectionOpened();
    }

    void clientClosed(Client client) {
        if (clients.remove(client)) {
            metrics.connectionClosed();
        }
    }

    /** The parsers shared by every connection. */
    public PacketParsers parsers() {
        return parsers;
    }

    /** The namespace {@code name} ("/" is the main one), created on first use. */
    public Namespace of(String name) {
        String normalized = name.startsWith("/") ? name : "/" + name;
        return namespace(normalized, n -> new Namespace(this, n));
    }

    /** Dynamic namespaces: a child is created for each requested name that {@code pattern} matches whole. */
    public ParentNamespace of(Pattern pattern) {
        return of((name, auth) -> pattern.matcher(name).matches());
    }

    /** Dynamic namespaces: a child is created for each requested name (and auth) {@code matcher} accepts. */
    public ParentNamespace of(BiPredicate<String, MapValue> matcher) {
        ParentNamespace parent = new ParentNamespace(this, matcher);
        parents.add(parent);
        return parent;
    }

    /** Told of each namespace created ({@code new_namespace}), dynamic children included. */
    public SocketIoServer onNewNamespace(Consumer<Namespace> listener) {
        newNamespaceListeners.add(listener);
        return this;
    }

    /** The main namespace ({@code io.sockets}). */
    public Namespace sockets() {
        return main;
    }

    /** The namespaces created so far, dynamic children included. */
    public List<Namespace> namespaces() {
        return new ArrayList<>(namespaces.values());
    }

    // ---- shortcuts to the main namespace ----

    public SocketIoServer use(ConnectionMiddleware middleware) {
        main.use(middleware);
        return this;
    }

    public SocketIoServer onConnection(Consumer<Socket> listener) {
        main.onConnection(listener);
        return this;
    }

    public boolean emit(String event, Object... args) {
        return main.emit(event, args);
    }

    public boolean send(Object... args) {
        return main.send(args);
    }

    public BroadcastOperator to(String... rooms) {
        return main.to(rooms);
    }

    public BroadcastOperator in(String... rooms) {
        return main.in(rooms);
    }

    public BroadcastOperator except(String... rooms) {
        return main.except(rooms);
    }

    public BroadcastOperator asVolatile() {
        return main.asVolatile();
    }

    public BroadcastOperator local() {
        return main.local();
    }

    public BroadcastOperator compress(boolean compress) {
        return main.compress(compress);
    }

    public BroadcastOperator timeout(long timeoutMs) {
        return main.timeout(timeoutMs);
    }

    public CompletableFuture<java.util.List<Socket>> fetchSockets() {
        return main.fetchSockets();
    }

    /** The main namespace's sockets on every node of the cluster (see {@link Namespace#fetchRemoteSockets}). */
    public CompletableFuture<java.util.List<RemoteSocket>> fetchRemoteSockets() {
        return main.fetchRemoteSockets();
    }

    public void socketsJoin(String... rooms) {
        main.socketsJoin(rooms);
    }

    public void socketsLeave(String... rooms) {
        main.socketsLeave(rooms);
    }

    public void disconnectSockets(boolean close) {
        main.disconnectSockets(close);
    }

    public boolean serverSideEmit(String event, Object... args) {
        return main.serverSideEmit(event, args);
    }

    /** See {@link Namespace#serverSideEmitWithAck}: the other nodes' acknowledgements. */
    public CompletableFuture<java.util.List<io.tickwire.net.socketio.parser.Value>> serverSideEmitWithAck(
            String event, Object... args) {
        return main.serverSideEmitWithAck(event, args);
    }

    /**
     * Disconnects every client ("server shutting down") and closes the adapters. Stop the HTTP server to
     * refuse new connections.
     */
    public void close() {
        engine.close();
        for (Namespace namespace : namespaces.values()) {
            namespace.adapter().close();
        }
    }

    /** The namespace a client asking for {@code name} joins, creating a dynamic child if a parent matches; or null. */
    Namespace namespaceFor(String name, MapValue auth) {
        Namespace existing = namespaces.get(name);
        if (existing != null) {
            return existing;
        }
        for (ParentNamespace parent : parents) {
            if (parent.matches(name, auth)) {
                return namespace(name, parent::createChild);
            }
        }
        return null;
    }

    /** The namespace {@code name}, made by {@code create} and announced if it did not exist yet. */
    private Namespace namespace(String name, Function<String, Namespace> create) {
        boolean[] created = {false};
        Namespace namespace = namespaces.computeIfAbsent(name, n -> {
            created[0] = true;
            return create.apply(n);
        });
        if (created[0]) {
            for (Consumer<Namespace> l : newNamespaceListeners) {
                l.accept(namespace);
            }
        }
        return namespace;
    }
}
