package io.tickwire.net.cluster.redis;

import io.tickwire.net.socketio.RemoteSocket;
import io.tickwire.net.socketio.parser.Value;
import io.tickwire.net.testing.NodeProcess;
import io.tickwire.net.testing.RedisServerProcess;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One cluster of a Node.js socket.io 4.8 server with {@code @socket.io/redis-adapter} 8.3 and a Tickwire
 * node: each side's broadcasts, fetches, server-side events and broadcast acks reach the other's clients.
 */
class RedisAdapterNodeInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void nodeServerAndTickwireNodeFormOneCluster() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort();
             ClusterNode tickwire = new ClusterNode(redis.uri());
             NodeProcess nodeServer = NodeProcess.start("net/src/test/js/cluster/node-server.mjs",
                     Integer.toString(redis.port()))) {
            String listening = nodeServer.awaitLine(l -> l.startsWith("{\"listening\""), WAIT);
            String nodeUrl = "http://127.0.0.1:" + listening.replaceAll("\\D", "");
            tickwire.io.sockets().onServerSideEmit("hello-tickwire",
                    (args, ack) -> ack.send("tickwire got " + args.get(0).asString()));
            try (NodeProcess onNode = NodeProcess.start("net/src/test/js/cluster/client.mjs", nodeUrl, "R");
                 NodeProcess onTickwire = RedisAdapterClusterTest.clientIn(tickwire, "R")) {
                onNode.awaitLine(l -> l.startsWith("{\"connected\""), WAIT);
                nodeServer.awaitLine(l -> l.startsWith("{\"connected\""), WAIT);

                tickwire.io.to("R").emit("from-tickwire", "hi", new byte[] {1, 2});
                String expected = "{\"event\":\"from-tickwire\",\"args\":[\"hi\",{\"bytes\":[1,2]}]}";
                onNode.awaitLine(expected, WAIT);
                onTickwire.awaitLine(expected, WAIT);

                nodeServer.send("{\"cmd\":\"emit\",\"room\":\"R\",\"event\":\"from-node\",\"args\":[42,{\"k\":[true]}]}");
                onTickwire.awaitLine("{\"event\":\"from-node\",\"args\":[42,{\"k\":[true]}]}", WAIT);

                nodeServer.send("{\"cmd\":\"fetchSockets\",\"room\":\"R\"}");
                String fetched = nodeServer.awaitLine(l -> l.startsWith("{\"fetched\""), WAIT);
                assertTrue(fetched.contains("\"data\":{\"origin\":\"tickwire\"}")
                        && fetched.contains("\"data\":{\"origin\":\"node\"}"), fetched);

                List<RemoteSocket> sockets = tickwire.io.sockets().in("R").fetchRemoteSockets().get(10, TimeUnit.SECONDS);
                assertEquals(2, sockets.size(), sockets.toString());
                assertTrue(sockets.stream().anyMatch(s -> s.data().equals(Value.map("origin", "node"))
                        && s.handshake().query().get("room").equals("R")), sockets.toString());

                nodeServer.send("{\"cmd\":\"serverSideEmit\",\"event\":\"hello-tickwire\",\"args\":[\"x\"]}");
                nodeServer.awaitLine("{\"serverSideResponses\":[\"tickwire got x\"]}", WAIT);
                assertEquals(List.of(Value.of("node got y")),
                        tickwire.io.sockets().serverSideEmitWithAck("hello-node", "y").get(10, TimeUnit.SECONDS));

                nodeServer.send("{\"cmd\":\"emitWithAck\",\"room\":\"R\",\"event\":\"ask\",\"args\":[\"q\"]}");
                nodeServer.awaitLine("{\"acks\":[\"ack from R\",\"ack from R\"]}", WAIT);
                assertEquals(List.of(Value.of("ack from R"), Value.of("ack from R")),
                        tickwire.io.to("R").timeout(5_000).emitWithAck("ask", "q").get(10, TimeUnit.SECONDS));
            }
        }
    }
}
