package io.tickwire.net.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tickwire.engine.loop.TickStats;
import io.tickwire.engine.match.MatchRegistry;
import io.tickwire.net.match.GameServer;
import io.tickwire.net.match.MatchObserver;
import io.tickwire.net.server.HttpRoute;
import io.tickwire.net.socketio.SocketIoMetrics;
import io.tickwire.net.socketio.SocketIoServer;
import io.tickwire.net.socketio.parser.ParserKind;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * The Prometheus metrics of one server: what its {@link SocketIoServer} and {@link GameServer} count, read at
 * scrape time, and the per-match tick histogram. Wire it in this order:
 *
 * <pre>
 *   ServerMetrics metrics = ServerMetrics.create();
 *   GameServer games = GameServer.builder(io).observer(metrics.matchObserver())...build();
 *   metrics.register(io).register(games);
 *   httpServer.route(metrics.route());          // GET /metrics
 * </pre>
 *
 * One Socket.IO server and one game server per instance (their series have no server label). Thread-safe.
 */
public final class ServerMetrics {
    public static final String PATH = "/metrics";

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final MatchTickHistogram ticks = new MatchTickHistogram();

    private ServerMetrics() {
        registry.register(ticks.histogram());
    }

    /** A registry holding only the tick histogram until servers are registered. */
    public static ServerMetrics create() {
        return new ServerMetrics();
    }

    /** The registry, to add metrics of your own to. */
    public PrometheusRegistry registry() {
        return registry;
    }

    /** Give this to {@code GameServer.Builder.observer}: it records each match's tick duration. */
    public MatchObserver matchObserver() {
        return ticks;
    }

    /** The route answering {@code GET /metrics} with this registry in the Prometheus text format. */
    public HttpRoute route() {
        return new MetricsRoute(PATH, registry);
    }

    /** Adds the connection, packet, byte, drop, ack-timeout and refusal series of {@code io}. */
    public ServerMetrics register(SocketIoServer io) {
        GaugeWithCallback.builder()
                .name("tickwire_connections")
                .help("Open connections by Engine.IO transport and Socket.IO parser")
                .labelNames("transport", "parser")
                .callback(cb -> connectionCounts(io).forEach((key, count) -> cb.call(count, key.split("/"))))
                .register(registry);
        SocketIoMetrics m = io.metrics();
        counter("tickwire_packets_in", "Socket.IO packets received", m, SocketIoMetrics::packetsIn);
        counter("tickwire_packets_out", "Socket.IO packets queued to clients, once per recipient", m,
                SocketIoMetrics::packetsOut);
        counter("tickwire_bytes_in", "Socket.IO frame bytes received", m, SocketIoMetrics::bytesIn);
        counter("tickwire_bytes_out", "Socket.IO frame bytes queued to clients, once per recipient", m,
                SocketIoMetrics::bytesOut);
        counter("tickwire_volatile_dropped", "Volatile packets dropped because the connection was not writable", m,
                SocketIoMetrics::volatileDropped);
        counter("tickwire_ack_timeouts", "Emits whose acknowledgement did not arrive within their timeout", m,
                SocketIoMetrics::ackTimeouts);
        counter("tickwire_middleware_refusals", "Connections refused by a connection middleware", m,
                SocketIoMetrics::middlewareRefusals);
        counter("tickwire_flood_dropped", "Packets dropped unread over a connection's event rate limit", m,
                SocketIoMetrics::floodDropped);
        counter("tickwire_flood_closed", "Connections closed for flooding over the event rate limit", m,
                SocketIoMetrics::floodClosed);
        return this;
    }

    /** Adds the match, player, loop (ticks, overruns, skipped ticks) and dropped-input series of {@code games}. */
    public ServerMetrics register(GameServer games) {
        GaugeWithCallback.builder().name("tickwire_matches").help("Matches hosted on this node")
                .callback(cb -> cb.call(games.matchCount())).register(registry);
        GaugeWithCallback.builder().name("tickwire_players")
                .help("Players seated on this node (connected or within their reconnection grace)")
                .callback(cb -> cb.call(games.playerCount())).register(registry);
        MatchRegistry loops = games.matches();
        loopCounter("tickwire_loop_ticks", "Ticks run by a match loop", loops, TickStats::ticks);
        loopCounter("tickwire_loop_overruns", "Ticks that ended after the next tick's deadline", loops,
                TickStats::overruns);
        loopCounter("tickwire_loop_skipped_ticks", "Deadlines given up because the loop fell too far behind", loops,
                TickStats::skippedTicks);
        CounterWithCallback.builder().name("tickwire_inputs_dropped")
                .help("Player inputs dropped, by reason")
                .labelNames("reason")
                .callback(cb -> {
                    long perTickCap = 0;
                    for (int i = 0; i < loops.loopCount(); i++) {
                        perTickCap += loops.loopStats(i).droppedInputs();
                    }
                    cb.call(perTickCap, "per_tick_cap");
                    cb.call(games.invalidInputs(), "invalid");
                    cb.call(games.rateLimitedInputs(), "rate_limited");
                    cb.call(games.refusedInputs(), "ring_full");
                })
                .register(registry);
        CounterWithCallback.builder().name("tickwire_flood_disconnects")
                .help("Players disconnected for sustained flooding")
                .callback(cb -> cb.call(games.floodDisconnects())).register(registry);
        return this;
    }

    private void counter(String name, String help, SocketIoMetrics m, ToLongFunction<SocketIoMetrics> value) {
        CounterWithCallback.builder().name(name).help(help)
                .callback(cb -> cb.call(value.applyAsLong(m))).register(registry);
    }

    private void loopCounter(String name, String help, MatchRegistry loops, ToLongFunction<TickStats> value) {
        CounterWithCallback.builder().name(name).help(help).labelNames("loop")
                .callback(cb -> {
                    for (int i = 0; i < loops.loopCount(); i++) {
                        cb.call(value.applyAsLong(loops.loopStats(i)), Integer.toString(i));
                    }
                })
                .register(registry);
    }

    /** "transport/parser" to count; every transport and parser pair appears, at 0 when unused. */
    private static Map<String, Integer> connectionCounts(SocketIoServer io) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String transport : new String[] {"polling", "websocket"}) {
            for (ParserKind parser : ParserKind.values()) {
                counts.put(transport + "/" + parserName(parser), 0);
            }
        }
        io.forEachConnection((transport, parser) -> counts.merge(transport + "/" + parserName(parser), 1, Integer::sum));
        return counts;
    }

    private static String parserName(ParserKind parser) {
        return parser.name().toLowerCase(Locale.ROOT);
    }
}
