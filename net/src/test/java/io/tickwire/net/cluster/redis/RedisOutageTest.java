package io.tickwire.net.cluster.redis;

import io.tickwire.net.testing.NodeProcess;
import io.tickwire.net.testing.RedisServerProcess;
import org.junit.jupiter.api.Test;

import java.time.Duration;

/** Redis going away: each node keeps serving its own clients, and the cluster heals when Redis returns. */
class RedisOutageTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void nodesServeLocalTrafficWithoutRedisAndRecoverWhenItReturns() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort();
             ClusterNode a = new ClusterNode(redis.uri()); ClusterNode b = new ClusterNode(redis.uri());
             NodeProcess onA = RedisAdapterClusterTest.clientIn(a, "R")) {
            b.io.to("R").emit("before");
            onA.awaitLine("{\"event\":\"before\",\"args\":[]}", WAIT);

            redis.stop();
            Conditions.await("node A noticed Redis is gone", WAIT, () -> !a.link.isConnected());
            a.io.to("R").emit("local-during-outage");
            onA.awaitLine("{\"event\":\"local-during-outage\",\"args\":[]}", WAIT);
            b.io.to("R").emit("lost-during-outage");

            redis.start();
            Conditions.await("both nodes subscribed again", WAIT,
                    () -> a.link.isConnected() && b.link.isConnected() && a.adapter().serverCount().join() == 2);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                b.io.to("R").emit("after");
                try {
                    onA.awaitLine(l -> l.equals("{\"event\":\"after\",\"args\":[]}"), Duration.ofMillis(500));
                    break;
                } catch (AssertionError notYet) {
                    if (System.nanoTime() > deadline) {
                        throw notYet;
                    }
                }
            }
            if (onA.diagnostics().contains("lost-during-outage")) {
                throw new AssertionError("a broadcast published while Redis was away was replayed later: "
                        + onA.diagnostics());
            }
        }
    }
}
