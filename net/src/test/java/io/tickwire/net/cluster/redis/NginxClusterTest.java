package io.tickwire.net.cluster.redis;

import io.tickwire.net.testing.NginxProcess;
import io.tickwire.net.testing.NodeProcess;
import io.tickwire.net.testing.RedisServerProcess;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The documented deployment: two Tickwire nodes sharing Redis behind Debian's nginx with a sticky-session
 * cookie ({@code nginx-sticky.conf}), reached by official clients on HTTP long-polling, whose every
 * request must land on the node holding its session.
 */
class NginxClusterTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int CLIENTS = 6;

    @Test
    void pollingClientsStayOnTheirNodeAndChatAcrossNodes() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort();
             ClusterNode a = new ClusterNode(redis.uri()); ClusterNode b = new ClusterNode(redis.uri());
             NginxProcess nginx = NginxProcess.start("/io/tickwire/net/cluster/redis/nginx-sticky.conf", Map.of(
                     "NODE_A_PORT", Integer.toString(a.http.port()), "NODE_B_PORT", Integer.toString(b.http.port())))) {
            for (ClusterNode node : List.of(a, b)) {
                node.io.onConnection(socket -> socket.on("chat", (args, ack) -> node.io.emit("chat", args.get(0), args.get(1))));
            }
            List<NodeProcess> clients = new ArrayList<>();
            try {
                for (int i = 0; i < CLIENTS; i++) {
                    NodeProcess client = NodeProcess.start("net/src/test/js/cluster/polling-client.mjs", nginx.url(), "c" + i);
                    clients.add(client);
                    client.awaitLine(l -> l.startsWith("{\"connected\""), WAIT);
                }
                assertEquals(CLIENTS, a.io.sockets().sockets().size() + b.io.sockets().sockets().size(),
                        "every client holds one session on one node");

                clients.get(0).send("say hello");
                for (NodeProcess client : clients) {
                    client.awaitLine("{\"chat\":[\"c0\",\"hello\"]}", WAIT);
                }
                clients.get(CLIENTS - 1).send("say bye");
                for (NodeProcess client : clients) {
                    client.awaitLine("{\"chat\":[\"c" + (CLIENTS - 1) + "\",\"bye\"]}", WAIT);
                    assertFalse(client.diagnostics().contains("disconnected"),
                            "a polling request reached the wrong node: " + client.diagnostics());
                }
            } finally {
                for (NodeProcess client : clients) {
                    client.close();
                }
            }
        }
    }
}
