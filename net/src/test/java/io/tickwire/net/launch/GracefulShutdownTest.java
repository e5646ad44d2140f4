package io.tickwire.net.launch;

import io.tickwire.net.testing.NodeProcess;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM on a real server process: it stops accepting, tells its clients, waits for the match's last critical
 * message to be acknowledged, then tells the player it left and exits.
 */
class GracefulShutdownTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

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
                assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(),
                        "no new connection is accepted while draining");
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

    private static long at(String json) {
        Matcher m = Pattern.compile("\"at\":(\\d+)").matcher(json);
        assertTrue(m.find(), json);
        return Long.parseLong(m.group(1));
    }
}
