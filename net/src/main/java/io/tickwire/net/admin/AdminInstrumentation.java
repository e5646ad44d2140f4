package io.tickwire.net.admin;

import io.tickwire.net.socketio.BroadcastOperator;
import io.tickwire.net.socketio.Namespace;
import io.tickwire.net.socketio.Socket;
import io.tickwire.net.socketio.SocketIoMetrics;
import io.tickwire.net.socketio.SocketIoServer;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Makes a {@link SocketIoServer} administrable from the official admin UI ({@code @socket.io/admin-ui} 0.5.x):
 * the Java {@code instrument(io, options)}. On the admin namespace it authenticates, sends {@code config} (the
 * supported features) and, in development mode, {@code all_sockets}; it answers the UI's {@code emit},
 * {@code join}, {@code leave} and {@code _disconnect} unless read-only; every {@value #STATS_INTERVAL_MS} ms it
 * sends {@code server_stats}, whose aggregated events are the deltas of {@link SocketIoMetrics} (nothing is
 * recorded per packet for it).
 *
 * <p>Owns one timer thread (statistics, bcrypt checks); {@link #close()} stops it. Thread-safe.
 */
public final class AdminInstrumentation implements AutoCloseable {
    public static final long STATS_INTERVAL_MS = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(AdminInstrumentation.class);

    private final SocketIoServer io;
    private final AdminOptions options;
    private final Namespace admin;
    private final List<String> features = new ArrayList<>();
    private final ScheduledExecutorService timer;
    private final long startNanos = System.nanoTime();
    private long[] lastCounts = new long[6];
    private final AdminEvents events;

    private AdminInstrumentation(SocketIoServer io, AdminOptions options) {
        this.io = io;
        this.options = options;
        this.admin = io.of(options.namespace());
        this.events = options.development() ? new AdminEvents(admin) : null;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tickwire-admin");
            t.setDaemon(true);
            return t;
        });
        if (!options.readOnly()) {
            features.addAll(List.of("EMIT", "JOIN", "LEAVE", "DISCONNECT", "MJOIN", "MLEAVE", "MDISCONNECT"));
        }
        features.add("AGGREGATED_EVENTS");
        if (options.development()) {
            features.add("ALL_EVENTS");
        }
    }

    /**
     * Installs the instrumentation on {@code io}. Call it before clients connect: in development mode it watches
     * the namespaces that exist and every one created later.
     */
    public static AdminInstrumentation install(SocketIoServer io, AdminOptions options) {
        AdminInstrumentation instrumentation = new AdminInstrumentation(io, options);
        instrumentation.start();
        return instrumentation;
    }

    private void start() {
        if (options.authenticates()) {
            admin.use(new AdminAuthentication(options.username(), options.passwordHash(), timer));
        } else {
            LOG.warn("the admin UI's namespace {} has no authentication", options.namespace());
        }
        admin.onConnection(this::onAdminConnected);
        if (options.development()) {
            for (Namespace namespace : io.namespaces()) {
                events.watch(namespace);
            }
            io.onNewNamespace(events::watch);
        }
        timer.scheduleAtFixedRate(this::emitStats, 0, STATS_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Tells the UI that {@code socket.data()} changed ({@code socket_updated} with the data), in development
     * mode; the reference server sees such changes through a proxy, Java maps cannot be watched, so the game
     * calls this after it changes a socket's data. Any thread.
     */
    public void dataChanged(Socket socket) {
        if (events != null) {
            events.dataUpdated(socket);
        }
    }

    private void onAdminConnected(Socket socket) {
        Object session = socket.data().remove(AdminAuthentication.NEW_SESSION_KEY);
        if (session != null) {
            socket.emit("session", session);
        }
        if (!options.readOnly()) {
            socket.on("emit", (args, ack) -> {
                if (args.size() >= 3) {
                    Object[] rest = args.asList().subList(3, args.size()).toArray();
                    target(args, 1).emit(args.get(2).asString(), rest);
                }
            });
            // (nsp, filter, event, ...args), (nsp, room, filter), (nsp, room, filter), (nsp, close, filter)
            socket.on("join", (args, ack) -> target(args, 2).socketsJoin(args.get(1).asString()));
            socket.on("leave", (args, ack) -> target(args, 2).socketsLeave(args.get(1).asString()));
            socket.on("_disconnect", (args, ack) -> target(args, 2).disconnectSockets(args.get(1).asBoolean()));
        }
        socket.emit("config", Map.of("supportedFeatures", features));
        if (options.development()) {
            List<Object> all = new ArrayList<>();
            for (Namespace namespace : io.namespaces()) {
                for (Socket s : namespace.sockets().values()) {
                    all.add(SocketSnapshot.of(s));
                }
            }
            socket.emit("all_sockets", all);
        }
    }

    /** The sockets of namespace {@code args[0]}, only those in the room {@code args[filterIndex]} when it is one. */
    private BroadcastOperator target(ListValue args, int filterIndex) {
        Namespace namespace = io.of(args.get(0).asString());
        Value filter = args.size() > filterIndex ? args.get(filterIndex) : null;
        return filter != null && filter.isString() && !filter.asString().isEmpty()
                ? namespace.in(filter.asString()) : namespace.except();
    }

    private void emitStats() {
        try {
            int[] polling = new int[1];
            int[] clients = new int[1];
            io.forEachConnection((transport, parser) -> {
                clients[0]++;
                if (transport.equals("polling")) {
                    polling[0]++;
                }
            });
            List<Map<String, Object>> namespaces = new ArrayList<>();
            for (Namespace namespace : io.namespaces()) {
                namespaces.add(Map.of("name", namespace.name(), "socketsCount", namespace.sockets().size()));
            }
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("serverId", options.serverId());
            stats.put("hostname", AdminOptions.hostname());
            stats.put("pid", ProcessHandle.current().pid());
            stats.put("uptime", (System.nanoTime() - startNanos) / 1e9);
            stats.put("clientsCount", clients[0]);
            stats.put("pollingClientsCount", polling[0]);
            stats.put("aggregatedEvents", aggregatedEvents());
            stats.put("namespaces", namespaces);
            admin.emit("server_stats", stats);
        } catch (RuntimeException e) {
            LOG.warn("admin statistics failed", e);
        }
    }

    /** What happened since the previous statistics, as the UI's aggregated events (one bucket per interval). */
    private List<Map<String, Object>> aggregatedEvents() {
        SocketIoMetrics m = io.metrics();
        long[] counts = {m.connectionsOpened(), m.connectionsClosed(), m.packetsIn(), m.packetsOut(), m.bytesIn(),
                m.bytesOut()};
        String[] types = {"rawConnection", "rawDisconnection", "packetsIn", "packetsOut", "bytesIn", "bytesOut"};
        long timestamp = System.currentTimeMillis() / 1000 * 1000;
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            long delta = counts[i] - lastCounts[i];
            if (delta > 0) {
                events.add(Map.of("timestamp", timestamp, "type", types[i], "count", delta));
            }
        }
        lastCounts = counts;
        return events;
    }

    /** Stops the statistics and the bcrypt checks. The namespace stays (close the server to end it). */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
