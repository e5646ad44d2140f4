package io.tickwire.sample;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.tickwire.net.launch.Launcher;
import io.tickwire.net.launch.ServerSettings;
import io.tickwire.net.socketio.Namespace;
import io.tickwire.net.testing.NodeProcess;
import io.tickwire.sample.match.ArenaSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official admin UI ({@code @socket.io/admin-ui}), served by the arena at {@code /admin/}, in headless
 * Chromium ({@code src/test/js/admin-ui.mjs}) while Alice plays in another page: the admin logs in with the
 * bcrypt-checked password, sees Alice's game socket and its match room, and disconnects it from the UI. Neither
 * page asks another host for anything: the UI's icon font and Roboto are served by the arena.
 * Screenshots land in {@code target/screenshots/} (admin-dashboard, admin-socket).
 */
class AdminUiBrowserTest {
    private static final Duration STEP = Duration.ofSeconds(60);

    @Test
    void anAdminLogsInSeesAPlayersSocketAndItsMatchRoomAndDisconnectsIt() throws Exception {
        String password = "correct horse";
        String hash = BCrypt.withDefaults().hashToString(6, password.toCharArray());
        ServerSettings settings = ServerSettings.from(new Launcher("test", "", List.of()).parse(new String[] {
                "--port", "0", "--admin", "--admin-password-hash", hash}, Map.of()).config());
        Path shots = NodeProcess.repositoryRoot().resolve("game-sample/target/screenshots");
        try (ArenaServer server = ArenaServer.start(settings, ArenaSettings.defaults());
             NodeProcess browser = NodeProcess.start("game-sample/src/test/js/admin-ui.mjs",
                     "http://127.0.0.1:" + server.port() + "/", password, shots.toString())) {
            String matchId = browser.awaitLine(l -> l.startsWith("alice plays ") || l.startsWith("failed"), STEP)
                    .substring("alice plays ".length());
            browser.awaitLine(l -> l.equals("admin logged in") || l.startsWith("failed"), STEP);
            assertEquals("icon font [\"loaded\"]", browser.awaitLine(l -> l.startsWith("icon font") || l.startsWith("failed"), STEP),
                    "the UI's icon font, served by the arena, is loaded");

            Namespace game = server.server().io().of("/game");
            assertEquals(1, game.sockets().size(), "Alice's one game socket");
            String socketId = game.sockets().keySet().iterator().next();
            browser.send(socketId);
            String seen = browser.awaitLine(l -> l.startsWith("admin sees ") || l.startsWith("failed"), STEP);
            assertTrue(seen.contains("\"match:" + matchId + "\""), "the UI shows the socket's match room: " + seen);

            browser.awaitLine(l -> l.equals("admin clicked disconnect") || l.startsWith("failed"), STEP);
            long deadline = System.nanoTime() + STEP.toNanos();
            while (game.socket(socketId) != null && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(game.socket(socketId) == null, "the UI's disconnect reached the server");
            assertEquals("alice was disconnected", browser.awaitLine(l -> l.startsWith("alice "), STEP));
            assertEquals("remote requests []", browser.awaitLine(l -> l.startsWith("remote requests "), STEP),
                    "the UI and the game load nothing from another host");
            String errors = browser.awaitLine(l -> l.startsWith("error answers "), STEP);
            assertFalse(errors.contains("/admin/"), "every file the UI asks for is served: " + errors);
            browser.awaitLine("done", STEP);
            assertEquals(0, browser.awaitExit(STEP), browser.diagnostics());
            assertTrue(Files.size(shots.resolve("admin-socket.png")) > 10_000, "a real screenshot of the UI");
        }
    }
}
