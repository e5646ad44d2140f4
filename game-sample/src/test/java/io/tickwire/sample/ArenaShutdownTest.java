package io.tickwire.sample;

import io.tickwire.net.launch.Launcher;
import io.tickwire.net.launch.ServerSettings;
import io.tickwire.net.testing.NodeProcess;
import io.tickwire.sample.match.ArenaSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A graceful shutdown of the arena with a player in a match, seen by the official client: the match ends with
 * its final results, which reach the player (and are acknowledged) before it is told it left and its
 * connection closes; the server waits for that acknowledgement, not for its whole drain timeout.
 */
class ArenaShutdownTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void theMatchEndsWithFinalResultsThatReachThePlayerBeforeTheServerCloses() throws Exception {
        ServerSettings settings = ServerSettings.from(new Launcher("test", "", List.of()).parse(new String[] {
                "--port", "0", "--drain-timeout", "20s"}, Map.of()).config());
        try (ArenaServer server = ArenaServer.start(settings, ArenaSettings.defaults());
             NodeProcess player = NodeProcess.start("game-sample/src/test/js/shutdown-player.mjs",
                     "http://127.0.0.1:" + server.port())) {
            String joined = player.awaitLine(l -> l.contains("\"ev\":\"joined\""), WAIT);
            assertTrue(joined.contains("\"ok\":true"), joined);

            long start = System.nanoTime();
            server.server().shutdown();
            long tookMs = (System.nanoTime() - start) / 1_000_000;

            player.awaitLine(l -> l.contains("\"ev\":\"shutting down\""), WAIT);
            String results = player.awaitLine(l -> l.contains("\"ev\":\"results\""), WAIT);
            assertTrue(results.contains("\"round\":1,\"final\":true"), results);
            assertTrue(results.contains("\"Zoe\""), "the standings name the player: " + results);
            String left = player.awaitLine(l -> l.contains("\"ev\":\"left\""), WAIT);
            assertTrue(left.contains("\"reason\":\"server closed\""), left);
            assertTrue(at(results) <= at(left), "the results come before the player is told it left");
            player.awaitLine(l -> l.contains("\"ev\":\"disconnect\""), WAIT);
            assertTrue(tookMs < 10_000, "the drain ended once the results were acknowledged, took " + tookMs + " ms");
        }
    }

    private static long at(String json) {
        Matcher m = Pattern.compile("\"at\":(\\d+)").matcher(json);
        assertTrue(m.find(), json);
        return Long.parseLong(m.group(1));
    }
}
