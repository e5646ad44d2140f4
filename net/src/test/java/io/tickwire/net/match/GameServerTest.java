package io.tickwire.net.match;

import io.tickwire.engine.match.MatchRegistry;
import io.tickwire.net.testing.NodeProcess;
import org.junit.jupiter.api.Test;

import static io.tickwire.net.match.GameHarness.await;
import static io.tickwire.net.match.GameHarness.number;
import static io.tickwire.net.match.GameHarness.request;
import static io.tickwire.net.match.GameHarness.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The game protocol against the official socket.io-client with the msgpack parser: matchmaking, inputs
 * changing the state every member receives, acked actions, the match being full.
 */
class GameServerTest {

    @Test
    void twoPlayersJoinOrCreateTheSameMatchAndBothSeeOnePlayersInputs() throws Exception {
        try (GameHarness h = new GameHarness()) {
            NodeProcess ann = h.player("ann");
            NodeProcess bob = h.player("bob");
            String annJoined = request(ann, "joinOrCreate duel");
            String bobJoined = request(bob, "joinOrCreate duel");
            assertTrue(annJoined.contains("\"ok\":true"), annJoined);
            assertEquals(text(annJoined, "matchId"), text(bobJoined, "matchId"));
            assertNotEquals(number(annJoined, "playerId"), number(bobJoined, "playerId"));

            ann.send("input 1 5");
            ann.send("input 2 -2");
            String annState = await(ann, "state", l -> l.contains("\"counter\":3"));
            String bobState = await(bob, "state", l -> l.contains("\"counter\":3"));
            long annId = number(annJoined, "playerId");
            assertEquals(2, GameHarness.lastInput(annState, number(annJoined, "playerId")),
                    "each state carries the last input sequence applied for each player: " + annState);
            assertEquals(-1, GameHarness.lastInput(bobState, number(bobJoined, "playerId")), bobState);
            assertTrue(number(bobState, "tick") > 0);
        }
    }

    @Test
    void playersWithDifferentParsersInOneRoomGetTheSameState() throws Exception {
        try (GameHarness h = new GameHarness()) {
            NodeProcess ann = h.player("ann", "msgpack");
            NodeProcess bob = h.player("bob", "default");
            String matchId = text(request(ann, "joinOrCreate duel"), "matchId");
            assertTrue(request(bob, "join " + matchId).contains("\"ok\":true"));
            bob.send("input 1 9");
            await(ann, "state", l -> l.contains("\"counter\":9"));
            await(bob, "state", l -> l.contains("\"counter\":9"));
        }
    }

    @Test
    void aSeatIsFreedWhenTheMatchDoesNotConfirmTheJoinInTime() throws Exception {
        GameServerOptions options = GameServerOptions.builder().seatReservationMs(100).build();
        try (GameHarness h = new GameHarness(options, 0, 300, MatchRegistry.builder(), MatchObserver.NONE, false)) {
            NodeProcess ann = h.player("ann");
            NodeProcess bob = h.player("bob");
            ann.send("joinOrCreate duel");                      // the loops are not running: no answer yet
            String listed = request(bob, "list duel");        // the match is made at once, its seat counted
            long deadline = System.nanoTime() + GameHarness.WAIT.toNanos();
            while (!listed.contains("\"players\":0") && System.nanoTime() < deadline) {
                listed = request(bob, "list duel");
            }
            assertTrue(listed.contains("\"players\":0"), "the expired reservation gave its seat back: " + listed);

            h.games.start();
            String late = await(ann, "reply", l -> l.contains("\"req\":\"joinOrCreate\""));
            assertTrue(late.contains("\"error\":\"seat reservation expired\""),
                    "a join the match confirms after its reservation expired is refused: " + late);
        }
    }

    @Test
    void aThirdPlayerIsRefusedWhenTheMatchIsFull() throws Exception {
        try (GameHarness h = new GameHarness()) {
            NodeProcess ann = h.player("ann");
            NodeProcess bob = h.player("bob");
            NodeProcess cat = h.player("cat");
            String matchId = text(request(ann, "joinOrCreate duel"), "matchId");
            request(bob, "join " + matchId);
            String refused = request(cat, "join " + matchId);
            assertTrue(refused.contains("\"ok\":false") && refused.contains("\"error\":\"full\""), refused);
            String listed = request(cat, "list duel");
            assertTrue(listed.contains("\"matchId\":\"" + matchId + "\"") && listed.contains("\"players\":2"), listed);
        }
    }

    @Test
    void anActionIsAcknowledgedAfterTheTickThatAppliedItWithTheGamesResult() throws Exception {
        try (GameHarness h = new GameHarness()) {
            NodeProcess ann = h.player("ann");
            request(ann, "joinOrCreate duel");
            ann.send("input 1 41");
            await(ann, "state", l -> l.contains("\"counter\":41"));
            String reply = request(ann, "action 1");
            assertTrue(reply.contains("\"ok\":true") && reply.contains("\"result\":[0,0,0,41]"), reply);
        }
    }

    @Test
    void inputsOfTheWrongShapeNeverReachTheGame() throws Exception {
        try (GameHarness h = new GameHarness()) {
            NodeProcess ann = h.player("ann");
            request(ann, "joinOrCreate duel");
            ann.send("inputBytes 1 9");
            ann.send("input 2 7");
            await(ann, "state", l -> l.contains("\"counter\":7"));
            assertEquals(1, h.games.invalidInputs());
        }
    }
}
