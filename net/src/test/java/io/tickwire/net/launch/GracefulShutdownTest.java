package io.tickwire.net.launch;

import io.tickwire.net.testing.NodeProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM on a real server process: it turns not-ready and refuses new sessions while its port stays open, tells
 * its clients, waits for the match's last critical message to be acknowledged, then tells the player it left
 * and exits.
 */
class GracefulShutdownTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void sigtermDrainsTheMatchesBeforeTheServerExits() throws Exception {
        try (LaunchedServer server = LaunchedServer.start(List.of(), "--port", "0", "--drain-timeout", "5s")) {
            int port = Integer.parseInt(server.awaitLine("port (\\d+)", WAIT).group(1));
            try (NodeProcess player = NodeProcess.start("net/src/test/js/launch/drain-player.mjs", "http://127.0.0.1:" + port)) {
                player.awaitLine(l -> l.contains("\"ev\":\"joined\",\"ok\":true"), WAIT);
                player.awaitLine(l -> l.contains("\"ev\":\"final\""), WAIT);

                server.sigterm();
                String notice = player.awaitLine(l -> l.contains("\"ev\":\"shutting down\""), WAIT);
                assertTrue(notice.contains("\"drainTimeoutMs\":5000"), notice);
                assertWhileDraining(port);
                long acked = at(player.awaitLine(l -> l.contains("\"ev\":\"acked\""), WAIT));
                server.awaitLine("ack ACKED", WAIT);
                String left = player.awaitLine(l -> l.contains("\"ev\":\"left\""), WAIT);
                assertTrue(left.contains("\"reason\":\"server closed\""), left);
                assertTrue(at(left) >= acked, "the player leaves only after its last critical message was acked");
                player.awaitLine(l -> l.contains("\"ev\":\"disconnect\""), WAIT);
            }
            assertTrue(server.awaitExit(WAIT), "the server exits");
            assertEquals(143, server.exitValue(), "exit status of SIGTERM");
        }
    }

    @Test
    void readyAnswers503UntilTheProcessExits() throws Exception {
        try (LaunchedServer server = LaunchedServer.start(List.of(), "--port", "0", "--drain-timeout", "3s")) {
            int port = Integer.parseInt(server.awaitLine("port (\\d+)", WAIT).group(1));
            assertEquals(200, get(port, "/ready").statusCode());
            try (NodeProcess player = NodeProcess.start("net/src/test/js/launch/drain-player.mjs", "http://127.0.0.1:" + port)) {
                player.awaitLine(l -> l.contains("\"ev\":\"final\""), WAIT);
                server.sigterm();
                player.awaitLine(l -> l.contains("\"ev\":\"shutting down\""), WAIT);
                // probe as a load balancer does until the port closes: never a refused connection before a 503
                int draining = 0;
                while (true) {
                    HttpResponse<String> ready;
                    HttpResponse<String> health;
                    try {
                        ready = get(port, "/ready");
                        health = get(port, "/health");
                    } catch (IOException closed) {
                        break;
                    }
                    assertEquals(503, ready.statusCode(), "/ready once the shutdown began");
                    assertEquals(200, health.statusCode(), "/health while draining");
                    draining++;
                    Thread.sleep(20);
                }
                assertTrue(draining >= 3, "probes answered while draining: " + draining);
                assertTrue(server.awaitExit(WAIT), "the server exits");
            }
        }
    }

    /** While the match drains: not ready, alive, new sessions refused as the spec refuses a handshake. */
    private static void assertWhileDraining(int port) throws Exception {
        HttpResponse<String> ready = get(port, "/ready");
        assertEquals(503, ready.statusCode());
        assertEquals("draining\n", ready.body());
        assertEquals(200, get(port, "/health").statusCode());
        HttpResponse<String> handshake = get(port, "/socket.io/?EIO=4&transport=polling");
        assertEquals(403, handshake.statusCode());
        assertEquals("{\"code\":4,\"message\":\"Server shutting down\"}", handshake.body());
    }

    private static HttpResponse<String> get(int port, String target) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long at(String json) {
        Matcher m = Pattern.compile("\"at\":(\\d+)").matcher(json);
        assertTrue(m.find(), json);
        return Long.parseLong(m.group(1));
    }
}
