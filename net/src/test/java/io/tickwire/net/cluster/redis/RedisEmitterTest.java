package io.tickwire.net.cluster.redis;

import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.testing.NodeProcess;
import io.tickwire.net.testing.RedisServerProcess;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Java process that is not a Socket.IO server reaches the clients of a Node.js server (with
 * {@code @socket.io/redis-adapter}) and of a Tickwire node alike through the {@link RedisEmitter}.
 */
class RedisEmitterTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void reachesClientsOfNodeAndTickwireServers() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort();
             ClusterNode tickwire = new ClusterNode(redis.uri());
             NodeProcess nodeServer = NodeProcess.start("net/src/test/js/cluster/node-server.mjs",
                     Integer.toString(redis.port()));
             RedisLink emitterLink = RedisLink.connect(redis.uri())) {
            String listening = nodeServer.awaitLine(l -> l.startsWith("{\"listening\""), WAIT);
            String nodeUrl = "http://127.0.0.1:" + listening.replaceAll("\\D", "");
            CompletableFuture<ListValue> serverSide = new CompletableFuture<>();
            tickwire.io.sockets().onServerSideEmit("hello-node", (args, ack) -> serverSide.complete(args));
            RedisEmitter emitter = RedisEmitter.create(emitterLink);
            try (NodeProcess onNode = NodeProcess.start("net/src/test/js/cluster/client.mjs", nodeUrl, "R");
                 NodeProcess onTickwire = RedisAdapterClusterTest.clientIn(tickwire, "R");
                 NodeProcess outside = RedisAdapterClusterTest.clientIn(tickwire, "S")) {
                onNode.awaitLine(l -> l.startsWith("{\"connected\""), WAIT);
                nodeServer.awaitLine(l -> l.startsWith("{\"connected\""), WAIT);

                assertEquals(2L, emitter.to("R").emit("news", "from java", new byte[] {3}).get(10, TimeUnit.SECONDS),
                        "both servers subscribe to the room's channel pattern");
                String expected = "{\"event\":\"news\",\"args\":[\"from java\",{\"bytes\":[3]}]}";
                onNode.awaitLine(expected, WAIT);
                onTickwire.awaitLine(expected, WAIT);

                emitter.except("R").emit("not-for-r").get(10, TimeUnit.SECONDS);
                outside.awaitLine("{\"event\":\"not-for-r\",\"args\":[]}", WAIT);

                emitter.in("R").socketsJoin("T").get(10, TimeUnit.SECONDS);
                Conditions.await("the Tickwire client joined T", WAIT, () -> tickwire.adapter().hasRoom("T"));
                emitter.to("T").emit("in-t").get(10, TimeUnit.SECONDS);
                onNode.awaitLine("{\"event\":\"in-t\",\"args\":[]}", WAIT);
                onTickwire.awaitLine("{\"event\":\"in-t\",\"args\":[]}", WAIT);

                emitter.serverSideEmit("hello-node", "ping").get(10, TimeUnit.SECONDS);
                nodeServer.awaitLine("{\"serverSideEvent\":\"hello-node\",\"arg\":\"ping\"}", WAIT);
                assertEquals("ping", serverSide.get(10, TimeUnit.SECONDS).get(0).asString());

                emitter.of("/").in("T").disconnectSockets(false).get(10, TimeUnit.SECONDS);
                onNode.awaitLine("{\"disconnected\":\"io server disconnect\"}", WAIT);
                onTickwire.awaitLine("{\"disconnected\":\"io server disconnect\"}", WAIT);
                assertTrue(!outside.diagnostics().contains("disconnected"), outside.diagnostics());
            }
        }
    }
}
