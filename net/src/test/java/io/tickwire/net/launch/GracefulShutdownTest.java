package io.tickwire.net.launch;

import io.tickwire.net.testing.NodeProcess;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DrainTestServer.class.getName(),
                "--port", "0", "--drain-timeout", "5s")
                .redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        pump.setDaemon(true);
        pump.start();
        try {
            int port = Integer.parseInt(awaitLine(lines, "port (\\d+)").group(1));
            try (NodeProcess player = NodeProcess.start("net/src/test/js/launch/drain-player.mjs", "http://127.0.0.1:" + port)) {
                player.awaitLine(l -> l.contains("\"ev\":\"joined\",\"ok\":true"), WAIT);
                player.awaitLine(l -> l.contains("\"ev\":\"final\""), WAIT);

                // SIGTERM with kill: Process.destroy() would also close the pipe the test reads the server's output from
                assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(server.pid())).start().waitFor());
                String notice = player.awaitLine(l -> l.contains("\"ev\":\"shutting down\""), WAIT);
                assertTrue(notice.contains("\"drainTimeoutMs\":5000"), notice);
                assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(),
                        "no new connection is accepted while draining");
                long acked = at(player.awaitLine(l -> l.contains("\"ev\":\"acked\""), WAIT));
                awaitLine(lines, "ack ACKED");
                String left = player.awaitLine(l -> l.contains("\"ev\":\"left\""), WAIT);
                assertTrue(left.contains("\"reason\":\"server closed\""), left);
                assertTrue(at(left) >= acked, "the player leaves only after its last critical message was acked");
                player.awaitLine(l -> l.contains("\"ev\":\"disconnect\""), WAIT);
            }
            assertTrue(server.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), "the server exits");
            assertEquals(143, server.exitValue(), "exit status of SIGTERM");
        } finally {
            server.destroyForcibly();
        }
    }

    private static long at(String json) {
        Matcher m = Pattern.compile("\"at\":(\\d+)").matcher(json);
        assertTrue(m.find(), json);
        return Long.parseLong(m.group(1));
    }

    private static Matcher awaitLine(BlockingQueue<String> lines, String regex) throws InterruptedException {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> seen = new java.util.ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            seen.add(line);
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return m;
            }
        }
        throw new AssertionError("the server never printed " + regex + "; it printed:\n" + String.join("\n", seen));
    }
}
