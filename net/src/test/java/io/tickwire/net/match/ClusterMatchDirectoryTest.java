package io.tickwire.net.match;

import io.tickwire.engine.match.MatchOptions;
import io.tickwire.net.cluster.redis.RedisAdapter;
import io.tickwire.net.cluster.redis.RedisAdapterOptions;
import io.tickwire.net.cluster.redis.RedisLink;
import io.tickwire.net.cluster.redis.RedisMatchDirectory;
import io.tickwire.net.cluster.redis.RedisMatchDirectoryOptions;
import io.tickwire.net.server.HttpRoute;
import io.tickwire.net.server.HttpServer;
import io.tickwire.net.socketio.SocketIoOptions;
import io.tickwire.net.socketio.SocketIoServer;
import io.tickwire.net.testing.NodeProcess;
import io.tickwire.net.testing.RedisServerProcess;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two game nodes sharing a match directory in a real Redis: a match created on node A is listed by and
 * joined through node B (the player is sent to A), and a node that dies takes its matches with it.
 */
class ClusterMatchDirectoryTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** One game node: Socket.IO with the Redis adapter, a GameServer in mode "duel" with the Redis directory. */
    private static final class GameNode implements AutoCloseable {
        final RedisLink link;
        final SocketIoServer io;
        final GameServer games;
        final HttpServer http;
        final String url;
        private boolean crashed;

        GameNode(String redisUri, String nodeId) throws Exception {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            url = "http://127.0.0.1:" + port;
            link = RedisLink.connect(redisUri);
            io = new SocketIoServer(SocketIoOptions.builder()
                    .adapterFactory(RedisAdapter.factory(link, RedisAdapterOptions.defaults())).build());
            games = GameServer.builder(io)
                    .mode(new GameMode("duel", MatchOptions.builder().maxPlayers(2).build(),
                            () -> new CounterGame(0, 300), InputRules.fixedSize(4)))
                    .directory(RedisMatchDirectory.create(link, RedisMatchDirectoryOptions.builder(url)
                            .nodeId(nodeId).heartbeatMs(200).ttlMs(1_500).build()))
                    .build()
                    .start();
            http = HttpServer.builder().port(port).routes(HttpRoute.socketIo(io)).start();
        }

        List<MatchListing> list() throws Exception {
            return games.directory().list().get(10, TimeUnit.SECONDS);
        }

        /** Dies as a crashed process would: no goodbye to the directory, no more heartbeats. */
        void crash() {
            crashed = true;
            link.close();
            http.close();
        }

        @Override
        public void close() {
            games.close();
            io.close();
            if (!crashed) {
                http.close();
            }
            link.close();
        }
    }

    private static NodeProcess player(String url, String name) throws InterruptedException {
        NodeProcess p = NodeProcess.start("net/src/test/js/match/player.mjs", url, name);
        p.awaitLine(l -> l.contains("\"ev\":\"ready\""), WAIT);
        return p;
    }

    private static void awaitListing(GameNode node, String what, java.util.function.Predicate<List<MatchListing>> done)
            throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<MatchListing> seen = node.list();
        while (!done.test(seen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what + "; directory: " + seen);
            }
            LockSupport.parkNanos(50_000_000);
            seen = node.list();
        }
    }

    @Test
    void matchCreatedOnNodeAIsFoundAndJoinedThroughNodeBAndVanishesWhenAdies() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort();
             GameNode a = new GameNode(redis.uri(), "node-a"); GameNode b = new GameNode(redis.uri(), "node-b");
             NodeProcess first = player(a.url, "first"); NodeProcess second = player(b.url, "second")) {
            first.send("joinOrCreate duel");
            String created = first.awaitLine(l -> l.contains("\"req\":\"joinOrCreate\""), WAIT);
            assertTrue(created.contains("\"ok\":true") && created.contains("\"matchId\":\"duel-1\""), created);
            awaitListing(b, "node B lists A's match", l -> l.stream().anyMatch(m -> m.matchId().equals("duel-1")
                    && m.nodeId().equals("node-a") && m.players() == 1));

            second.send("list duel");
            String listed = second.awaitLine(l -> l.contains("\"req\":\"list\""), WAIT);
            assertTrue(listed.contains("\"matchId\":\"duel-1\"") && listed.contains("\"url\":\"" + a.url + "\""), listed);

            second.send("joinOrCreate duel");
            String routed = second.awaitLine(l -> l.contains("\"req\":\"joinOrCreate\""), WAIT);
            assertTrue(routed.contains("\"ok\":false") && routed.contains("\"error\":\"on another node\"")
                    && routed.contains("\"matchId\":\"duel-1\"") && routed.contains("\"url\":\"" + a.url + "\""), routed);
            try (NodeProcess secondOnA = player(a.url, "second")) {
                secondOnA.send("join duel-1");
                String joined = secondOnA.awaitLine(l -> l.contains("\"req\":\"join\""), WAIT);
                assertTrue(joined.contains("\"ok\":true") && joined.contains("\"matchId\":\"duel-1\""), joined);
                awaitListing(b, "node B sees the match full", l -> l.stream().anyMatch(m -> m.players() == 2));
            }
            second.send("join duel-1");
            String full = second.awaitLine(l -> l.contains("\"req\":\"join\""), WAIT);
            assertTrue(full.contains("\"error\":\"on another node\""), full);

            long crashedAt = System.nanoTime();
            a.crash();
            awaitListing(b, "A's matches leave the directory", List::isEmpty);
            long goneAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - crashedAt);
            assertTrue(goneAfterMs < 10_000, "A's matches were listed " + goneAfterMs + " ms after it died");
            second.send("joinOrCreate duel");
            String fresh = second.awaitLine(l -> l.contains("\"req\":\"joinOrCreate\""), WAIT);
            assertTrue(fresh.contains("\"ok\":true"), "with A gone, B hosts a new match: " + fresh);
            awaitListing(b, "B's new match is listed", l -> l.size() == 1 && l.get(0).nodeId().equals("node-b"));
        }
    }
}
