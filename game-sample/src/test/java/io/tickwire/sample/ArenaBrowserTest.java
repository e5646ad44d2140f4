package io.tickwire.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tickwire.net.testing.NodeProcess;
import io.tickwire.sample.match.ArenaSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two people play the arena in headless Chromium (Debian's, driven by playwright-core from
 * {@code src/test/js/two-players.mjs}) against the server started here: the lobby lists the match one of them
 * created, the other joins it, a key press on one page moves that player on the other's screen, and a shot
 * that hits is reported to the shooter and lowers the victim's health. Screenshots land in
 * {@code target/screenshots/} (lobby, match: Alice firing at Bob, alice and bob after the hit).
 */
class ArenaBrowserTest {
    private static final Duration STEP = Duration.ofSeconds(60);

    @Test
    void twoPlayersJoinOneArenaSeeEachOtherMoveAndHitEachOther() throws Exception {
        Path shots = NodeProcess.repositoryRoot().resolve("game-sample/target/screenshots");
        try (ArenaServer server = ArenaServer.start("127.0.0.1", 0, ArenaSettings.defaults());
             NodeProcess browser = NodeProcess.start("game-sample/src/test/js/two-players.mjs",
                     "http://127.0.0.1:" + server.port() + "/", shots.toString())) {
            String created = browser.awaitLine(l -> l.startsWith("alice joined "), STEP);
            String matchId = created.split(" ")[2];

            String lobby = browser.awaitLine(l -> l.startsWith("lobby lists "), STEP);
            assertTrue(lobby.contains("\"matchId\":\"" + matchId + "\""), lobby);
            assertTrue(lobby.contains("\"title\":\"Alice's arena\""), lobby);
            assertTrue(lobby.contains("\"players\":1"), lobby);
            assertTrue(lobby.contains("\"bots\":3"), "bots fill the empty seats: " + lobby);

            String together = browser.awaitLine(l -> l.startsWith("together in "), STEP);
            assertEquals(matchId, together.split(" ")[2], "Bob joined Alice's match");

            String moved = browser.awaitLine(l -> l.startsWith("moved "), STEP);
            Matcher xs = Pattern.compile("x (\\S+) -> (\\S+)").matcher(moved);
            assertTrue(xs.find(), moved);
            assertTrue(Math.abs(Double.parseDouble(xs.group(2)) - Double.parseDouble(xs.group(1))) > 60, moved);

            String hit = browser.awaitLine(l -> l.startsWith("alice hit bob "), Duration.ofSeconds(90));
            assertTrue(hit.contains("\"damage\":20"), hit);
            String taken = browser.awaitLine(l -> l.startsWith("bob was hit by alice "), STEP);
            Matcher hp = Pattern.compile("hpLeft (\\d+)").matcher(taken);
            assertTrue(hp.find() && Integer.parseInt(hp.group(1)) < 100, taken);

            browser.awaitLine("done", STEP);
            assertEquals(0, browser.awaitExit(STEP), browser.diagnostics());
            assertTrue(Files.size(shots.resolve("alice.png")) > 10_000, "a real screenshot of the match");
            assertTrue(Files.exists(shots.resolve("lobby.png")));
            assertTrue(Files.exists(shots.resolve("match.png")));
        }
    }
}
