package io.tickwire.net.metrics;

import io.tickwire.engine.match.MatchOptions;
import io.tickwire.net.match.GameMode;
import io.tickwire.net.match.GameServer;
import io.tickwire.net.match.InputRules;
import io.tickwire.net.server.HealthRoute;
import io.tickwire.net.server.HttpRoute;
import io.tickwire.net.server.HttpServer;
import io.tickwire.net.socketio.SocketIoOptions;
import io.tickwire.net.socketio.SocketIoServer;
import io.tickwire.net.testing.IdleMatch;
import io.tickwire.net.testing.NodeProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scrapes {@code /metrics}, {@code /health} and {@code /ready} of a game server that two official clients play on. */
class ServerMetricsTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicBoolean ready = new AtomicBoolean(true);
    private SocketIoServer io;
    private GameServer games;
    private HttpServer server;

    @BeforeEach
    void start() {
        ServerMetrics metrics = ServerMetrics.create();
        io = new SocketIoServer(SocketIoOptions.defaults());
        games = GameServer.builder(io)
                .observer(metrics.matchObserver())
                .mode(new GameMode("duel", MatchOptions.builder().maxPlayers(2).build(), IdleMatch::new,
                        InputRules.fixedSize(4)))
                .build()
                .start();
        metrics.register(io).register(games);
        server = HttpServer.builder().port(0)
                .routes(HttpRoute.socketIo(io))
                .route(metrics.route())
                .route(new HealthRoute(ready::get))
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
        games.close();
        io.close();
    }

    @Test
    void exposesConnectionsTrafficMatchesPlayersAndTickDurations() throws Exception {
        try (NodeProcess ann = player("ann", "msgpack", "websocket");
             NodeProcess bob = player("bob", "default", "polling")) {
            ann.send("joinOrCreate duel");
            ann.awaitLine(l -> l.contains("\"ev\":\"reply\"") && l.contains("\"ok\":true"), WAIT);
            bob.send("joinOrCreate duel");
            bob.awaitLine(l -> l.contains("\"ev\":\"reply\"") && l.contains("\"ok\":true"), WAIT);
            bob.awaitLine(l -> l.contains("\"ev\":\"state\""), WAIT);

            String text = scrapeUntil(t -> value(t, "tickwire_match_tick_seconds_count\\{match=\"[^\"]+\"}") >= 10
                    && value(t, "tickwire_players") == 2);
            assertEquals(1, value(text, "tickwire_matches"), text);
            assertEquals(1, value(text, "tickwire_connections\\{parser=\"msgpack\",transport=\"websocket\"}"), text);
            assertEquals(1, value(text, "tickwire_connections\\{parser=\"default\",transport=\"polling\"}"), text);
            assertEquals(0, value(text, "tickwire_connections\\{parser=\"default\",transport=\"websocket\"}"), text);
            assertTrue(value(text, "tickwire_packets_in_total") >= 4, "connects and two requests: " + text);
            // per player: the CONNECT answer, the joinOrCreate ack and "joined"; and the state bob waited for
            assertTrue(value(text, "tickwire_packets_out_total") >= 7, "connects, replies, joins and state: " + text);
            assertTrue(value(text, "tickwire_bytes_in_total") > 0 && value(text, "tickwire_bytes_out_total") > 0, text);
            assertTrue(value(text, "tickwire_loop_ticks_total\\{loop=\"0\"}") >= 10, text);
            assertTrue(text.contains("tickwire_loop_overruns_total{loop=\"0\"}"), text);
            assertTrue(text.contains("tickwire_inputs_dropped_total{reason=\"rate_limited\"} 0"), text);
            assertTrue(text.contains("tickwire_volatile_dropped_total "), text);
            assertTrue(text.contains("tickwire_ack_timeouts_total 0"), text);
            assertTrue(text.contains("tickwire_middleware_refusals_total 0"), text);
            assertTrue(text.contains("tickwire_flood_dropped_total 0"), text);
            assertTrue(text.contains("tickwire_flood_closed_total 0"), text);
            assertTrue(text.contains("tickwire_match_tick_seconds_bucket{match=\""), text);

            ann.send("leave");
            bob.send("leave");
            scrapeUntil(t -> value(t, "tickwire_players") == 0);
        }
        // a WebSocket closes with its process; a polling session would linger until its ping timeout
        String after = scrapeUntil(t -> value(t, "tickwire_connections\\{parser=\"msgpack\",transport=\"websocket\"}") == 0);
        assertTrue(value(after, "tickwire_packets_in_total") >= 6, after);
    }

    @Test
    void countsMiddlewareRefusals() throws Exception {
        io.of("/game").use((socket, next) -> next.fail(new io.tickwire.net.socketio.ConnectError("not today")));
        try (NodeProcess eve = NodeProcess.start("net/src/test/js/match/player.mjs",
                "http://127.0.0.1:" + server.port(), "eve", "default", "websocket")) {
            scrapeUntil(t -> value(t, "tickwire_middleware_refusals_total") >= 1);
        }
    }

    @Test
    void healthIsAlwaysOkAndReadinessFollowsTheServerState() throws Exception {
        assertEquals(200, get("/health").statusCode());
        assertEquals("ok\n", get("/health").body());
        assertEquals(200, get("/ready").statusCode());
        ready.set(false);
        HttpResponse<String> draining = get("/ready");
        assertEquals(503, draining.statusCode());
        assertEquals("draining\n", draining.body());
        assertEquals(200, get("/health").statusCode(), "a draining server is still alive");
    }

    @Test
    void metricsAreServedInThePrometheusTextFormat() throws Exception {
        HttpResponse<String> response = get("/metrics");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/plain; version=0.0.4"),
                response.headers().toString());
        assertTrue(response.body().contains("# TYPE tickwire_connections gauge\n"), response.body());
        assertEquals(405, http.send(HttpRequest.newBuilder(uri("/metrics")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    private NodeProcess player(String name, String parser, String transport) throws InterruptedException {
        NodeProcess p = NodeProcess.start("net/src/test/js/match/player.mjs", "http://127.0.0.1:" + server.port(),
                name, parser, transport);
        p.awaitLine(l -> l.contains("\"ev\":\"ready\""), WAIT);
        return p;
    }

    private String scrapeUntil(Predicate<String> done) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String text = get("/metrics").body();
        while (!done.test(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the metrics never showed what was expected:\n" + text);
            }
            Thread.sleep(50);
            text = get("/metrics").body();
        }
        return text;
    }

    /** The sample value of the series matching {@code series} (a regex of name and labels), -1 if absent. */
    private static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
