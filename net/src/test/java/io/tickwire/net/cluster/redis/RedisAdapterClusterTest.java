package io.tickwire.net.cluster.redis;

import io.tickwire.net.socketio.RemoteSocket;
import io.tickwire.net.socketio.parser.Value;
import io.tickwire.net.testing.NodeProcess;
import io.tickwire.net.testing.RedisServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two Tickwire nodes sharing a real Redis, seen by official socket.io-clients connected to one of them. */
class RedisAdapterClusterTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static RedisServerProcess redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisServerProcess.startOnFreePort();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    static NodeProcess clientIn(ClusterNode node, String room) throws InterruptedException {
        NodeProcess client = NodeProcess.start("net/src/test/js/cluster/client.mjs", node.url(), room);
        client.awaitLine(l -> l.startsWith("{\"connected\""), WAIT);
        Conditions.await("the client joined " + room, WAIT, () -> node.adapter().hasRoom(room));
        return client;
    }

    @Test
    void clientOnNodeAReceivesWhatNodeBEmitsToItsRoom() throws Exception {
        try (ClusterNode a = new ClusterNode(redis.uri()); ClusterNode b = new ClusterNode(redis.uri());
             NodeProcess inRoom = clientIn(a, "R"); NodeProcess elsewhere = clientIn(a, "other")) {
            b.io.to("R").emit("news", 1, "two", Value.map("three", 3.5), new byte[] {7, 8});
            inRoom.awaitLine("{\"event\":\"news\",\"args\":[1,\"two\",{\"three\":3.5},{\"bytes\":[7,8]}]}", WAIT);
            b.io.emit("everyone", true);
            elsewhere.awaitLine("{\"event\":\"everyone\",\"args\":[true]}", WAIT);
            assertTrue(elsewhere.diagnostics().contains("everyone") && !elsewhere.diagnostics().contains("news"),
                    "a client outside R got R's event: " + elsewhere.diagnostics());
        }
    }

    @Test
    @SuppressWarnings("try") // onB only needs to be connected
    void fetchRemoteSocketsSeesTheSocketsOfEveryNode() throws Exception {
        try (ClusterNode a = new ClusterNode(redis.uri()); ClusterNode b = new ClusterNode(redis.uri());
             NodeProcess onA = clientIn(a, "R"); NodeProcess onB = clientIn(b, "R")) {
            List<RemoteSocket> sockets = b.io.sockets().in("R").fetchRemoteSockets().get(10, TimeUnit.SECONDS);
            assertEquals(2, sockets.size(), sockets.toString());
            for (RemoteSocket socket : sockets) {
                assertTrue(socket.rooms().containsAll(Set.of("R", socket.id())), socket.rooms().toString());
                assertEquals(Value.map("origin", "tickwire"), socket.data());
                assertEquals("R", socket.handshake().query().get("room"));
            }
            RemoteSocket remote = sockets.stream()
                    .filter(s -> b.io.sockets().socket(s.id()) == null).findFirst().orElseThrow();
            remote.emit("direct", "to-a");
            onA.awaitLine("{\"event\":\"direct\",\"args\":[\"to-a\"]}", WAIT);
        }
    }

    @Test
    void serverSideEmitCollectsOneAcknowledgementPerOtherNode() throws Exception {
        try (ClusterNode a = new ClusterNode(redis.uri()); ClusterNode b = new ClusterNode(redis.uri());
             ClusterNode c = new ClusterNode(redis.uri())) {
            a.io.sockets().onServerSideEmit("hello", (args, ack) -> ack.send("a got " + args.get(0).asString()));
            c.io.sockets().onServerSideEmit("hello", (args, ack) -> ack.send("c got " + args.get(0).asString()));
            List<Value> answers = b.io.sockets().serverSideEmitWithAck("hello", "x").get(10, TimeUnit.SECONDS);
            assertEquals(Set.of(Value.of("a got x"), Value.of("c got x")), Set.copyOf(answers));
        }
    }

    @Test
    @SuppressWarnings("try") // the clients answer by themselves
    void broadcastWithAckCollectsAcknowledgementsFromClientsOnOtherNodes() throws Exception {
        try (ClusterNode a = new ClusterNode(redis.uri()); ClusterNode b = new ClusterNode(redis.uri());
             NodeProcess onA = clientIn(a, "R"); NodeProcess onB = clientIn(b, "R")) {
            List<Value> acks = b.io.to("R").timeout(5_000).emitWithAck("ask", "q").get(10, TimeUnit.SECONDS);
            assertEquals(List.of(Value.of("ack from R"), Value.of("ack from R")), acks);
        }
    }

    @Test
    @SuppressWarnings("try") // the client only needs to be connected
    void answersOnTheRequesterOwnResponseChannelWhenConfigured() throws Exception {
        RedisAdapterOptions specific = RedisAdapterOptions.builder().publishOnSpecificResponseChannel(true).build();
        try (ClusterNode a = new ClusterNode(redis.uri(), specific); ClusterNode b = new ClusterNode(redis.uri(), specific);
             RedisLink spy = RedisLink.connect(redis.uri()); NodeProcess onA = clientIn(a, "R")) {
            List<String> sharedResponses = new java.util.concurrent.CopyOnWriteArrayList<>();
            spy.subscribe("socket.io-response#/#", (channel, message) -> sharedResponses.add(channel))
                    .get(10, TimeUnit.SECONDS);
            List<RemoteSocket> sockets = b.io.sockets().fetchRemoteSockets().get(10, TimeUnit.SECONDS);
            assertEquals(1, sockets.size(), sockets.toString());
            assertTrue(sharedResponses.isEmpty(), "answered on the shared channel: " + sharedResponses);
        }
    }

    @Test
    void fetchRemoteSocketsFailsAfterTheRequestsTimeoutWhenANodeNeverAnswers() throws Exception {
        RedisAdapterOptions quick = RedisAdapterOptions.builder().requestsTimeoutMs(300).build();
        try (ClusterNode a = new ClusterNode(redis.uri(), quick); RedisLink silentNode = RedisLink.connect(redis.uri())) {
            silentNode.subscribe("socket.io-request#/#", (channel, message) -> { }).get(10, TimeUnit.SECONDS);
            java.util.concurrent.ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(
                    java.util.concurrent.ExecutionException.class,
                    () -> a.io.sockets().fetchRemoteSockets().get(10, TimeUnit.SECONDS));
            assertEquals("timeout reached while waiting for fetchSockets response", failure.getCause().getMessage());
            assertTrue(failure.getCause() instanceof java.util.concurrent.TimeoutException, failure.toString());
        }
    }

    @Test
    void socketsJoinAndDisconnectSocketsReachSocketsOfOtherNodes() throws Exception {
        try (ClusterNode a = new ClusterNode(redis.uri()); ClusterNode b = new ClusterNode(redis.uri());
             NodeProcess onA = clientIn(a, "R")) {
            b.io.in("R").socketsJoin("T");
            Conditions.await("the socket on A joined T", WAIT, () -> a.adapter().hasRoom("T"));
            b.io.to("T").emit("in-t");
            onA.awaitLine("{\"event\":\"in-t\",\"args\":[]}", WAIT);
            b.io.in("T").disconnectSockets(false);
            onA.awaitLine("{\"disconnected\":\"io server disconnect\"}", WAIT);
        }
    }
}
