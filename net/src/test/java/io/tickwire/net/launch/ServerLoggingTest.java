package io.tickwire.net.launch;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launched server's log: the default slf4j-simple format, connection-level lines with the connection's
 * context at debug only, and nothing about single packets at the default level.
 */
class ServerLoggingTest {
    /** ISO time, thread, level, logger, message: what {@code simplelogger.properties} sets. */
    private static final Pattern LOG_LINE =
            Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) \\[[^\\]]+\\] "
                    + "(TRACE|DEBUG|INFO|WARN|ERROR) \\S+ - .*");

    @Test
    void atTheDefaultLevelAConnectionAndItsPacketsLogNothing() throws Exception {
        List<String> log = runOneConnection();
        for (String line : log) {
            if (line.startsWith("port ")) {
                continue; // the test server's own announcement on standard output
            }
            assertTrue(LOG_LINE.matcher(line).matches(), "not in the default format: " + line);
            assertFalse(line.contains(" DEBUG ") || line.contains(" TRACE "), line);
            assertFalse(line.contains("sid="), "a connection-level line above debug: " + line);
        }
        assertTrue(log.stream().anyMatch(l -> l.contains(" INFO ") && l.contains("listening on")), String.join("\n", log));
    }

    @Test
    void atDebugConnectionLinesCarryTheSessionIdAndAddress() throws Exception {
        List<String> log = runOneConnection("-Dorg.slf4j.simpleLogger.defaultLogLevel=debug");
        String all = String.join("\n", log);
        Pattern opened = Pattern.compile(" DEBUG \\S+ - .*sid=\\S+ address=127\\.0\\.0\\.1\\S* transport=polling.* opened$");
        assertTrue(log.stream().anyMatch(l -> opened.matcher(l).find()), all);
        assertTrue(log.stream().anyMatch(l -> l.contains(" DEBUG ") && l.contains("sid=") && l.endsWith(" connected")),
                all);
    }

    /** Starts the test server, opens one Engine.IO session and joins the main namespace over polling, stops it. */
    private static List<String> runOneConnection(String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), DrainTestServer.class.getName(),
                "--port", "0", "--drain-timeout", "1s"));
        Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "server-log");
        pump.setDaemon(true);
        pump.start();
        List<String> seen = new ArrayList<>();
        try {
            int port = Integer.parseInt(await(lines, seen, Pattern.compile("^port (\\d+)")).group(1));
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=polling";
            String open = http.send(HttpRequest.newBuilder(URI.create(base)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher sid = Pattern.compile("\"sid\":\"([^\"]+)\"").matcher(open);
            assertTrue(sid.find(), open);
            String session = base + "&sid=" + sid.group(1);
            http.send(HttpRequest.newBuilder(URI.create(session)).POST(HttpRequest.BodyPublishers.ofString("40")).build(),
                    HttpResponse.BodyHandlers.ofString());
            http.send(HttpRequest.newBuilder(URI.create(session)).build(), HttpResponse.BodyHandlers.ofString());
            http.send(HttpRequest.newBuilder(URI.create(session)).POST(HttpRequest.BodyPublishers.ofString("1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            new ProcessBuilder("kill", "-TERM", Long.toString(server.pid())).start().waitFor();
            assertTrue(server.waitFor(20, TimeUnit.SECONDS), "the server exits");
            pump.join(5_000);
        } finally {
            server.destroyForcibly();
        }
        lines.drainTo(seen);
        return seen;
    }

    private static Matcher await(BlockingQueue<String> lines, List<String> seen, Pattern pattern) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
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
        throw new AssertionError("the server never printed " + pattern + "; it printed:\n" + String.join("\n", seen));
    }
}
