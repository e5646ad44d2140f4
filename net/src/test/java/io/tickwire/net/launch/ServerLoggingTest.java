package io.tickwire.net.launch;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launched server's log: the default slf4j-simple format, connection-level lines with the connection's
 * context at debug only, and nothing about single packets at the default level.
 */
class ServerLoggingTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** ISO time, thread, level, logger, message: what {@code simplelogger.properties} sets. */
    private static final Pattern LOG_LINE =
            Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) \\[[^\\]]+\\] "
                    + "(TRACE|DEBUG|INFO|WARN|ERROR) \\S+ - .*");

    @Test
    void atTheDefaultLevelAConnectionAndItsPacketsLogNothing() throws Exception {
        List<String> log = runOneConnection(List.of());
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
        assertConnectionLinesAtDebug(runOneConnection(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=debug")));
    }

    @Test
    void theLogLevelOptionSetsTheLevel() throws Exception {
        assertConnectionLinesAtDebug(runOneConnection(List.of(), "--log-level", "debug"));
        List<String> quiet = runOneConnection(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=debug"), "--log-level", "WARN");
        assertTrue(quiet.stream().noneMatch(l -> l.contains(" INFO ") || l.contains(" DEBUG ")),
                "--log-level beats the JVM's property: " + String.join("\n", quiet));
    }

    @Test
    void aWrongLogLevelStopsTheStartNamingTheOption() throws Exception {
        try (LaunchedServer server = LaunchedServer.start(List.of(), "--port", "0", "--log-level", "loud")) {
            assertTrue(server.awaitExit(WAIT), "the server exits");
            assertEquals(2, server.exitValue());
            List<String> lines = server.allLines();
            assertTrue(lines.contains("DrainTestServer: tickwire.log.level (--log-level, TICKWIRE_LOG_LEVEL): must be one of "
                    + "trace, debug, info, warn, error, off, was 'loud'"), String.join("\n", lines));
        }
    }

    private static void assertConnectionLinesAtDebug(List<String> log) {
        String all = String.join("\n", log);
        Pattern opened = Pattern.compile(" DEBUG \\S+ - .*sid=\\S+ address=127\\.0\\.0\\.1\\S* transport=polling.* opened$");
        assertTrue(log.stream().anyMatch(l -> opened.matcher(l).find()), all);
        assertTrue(log.stream().anyMatch(l -> l.contains(" DEBUG ") && l.contains("sid=") && l.endsWith(" connected")),
                all);
    }

    /** Starts the test server, opens one Engine.IO session and joins the main namespace over polling, stops it. */
    private static List<String> runOneConnection(List<String> jvmOptions, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--drain-timeout", "1s"));
        args.addAll(List.of(options));
        try (LaunchedServer server = LaunchedServer.start(jvmOptions, args.toArray(String[]::new))) {
            int port = Integer.parseInt(server.awaitLine("^port (\\d+)", WAIT).group(1));
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
            server.sigterm();
            assertTrue(server.awaitExit(WAIT), "the server exits");
            return server.allLines();
        }
    }
}
