package io.tickwire.net.match;

import io.tickwire.engine.match.MatchRegistry;
import io.tickwire.net.socketio.RecoveryOptions;
import io.tickwire.net.socketio.SocketIoOptions;
import io.tickwire.net.testing.NodeProcess;
import org.junit.jupiter.api.Test;

import static io.tickwire.net.match.GameHarness.await;
import static io.tickwire.net.match.GameHarness.number;
import static io.tickwire.net.match.GameHarness.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A player whose connection drops keeps its seat for the grace period and comes back with its token. */
class ReconnectionTest {

    @Test
    void aDroppedPlayerReconnectsIntoItsSeatAndGetsAFullSnapshot() throws Exception {
        try (GameHarness h = new GameHarness()) {
            NodeProcess ann = h.player("ann");
            long annId = number(request(ann, "joinOrCreate duel"), "playerId");
            ann.send("input 1 5");
            await(ann, "state", l -> l.contains("\"counter\":5"));
            ann.send("input 2 0");
            await(ann, "state", l -> number(l, "base") >= 0);

            ann.send("drop");
            await(ann, "disconnect", l -> true);
            String rejoined = await(ann, "rejoined", l -> true);
            assertTrue(rejoined.contains("\"ok\":true"), rejoined);
            assertEquals(annId, number(rejoined, "playerId"), "the same seat: " + rejoined);
            String first = await(ann, "state", l -> true);
            assertEquals(-1, number(first, "base"), "the first state after a reconnection is full: " + first);
            assertEquals(5, number(first, "counter"), first);
            assertEquals(1, h.matches.size(), "no new match was made");
        }
    }

    @Test
    void withConnectionStateRecoveryTheRecoveredSessionGetsItsSeatBack() throws Exception {
        SocketIoOptions recovery = SocketIoOptions.builder().connectionStateRecovery(RecoveryOptions.defaults()).build();
        try (GameHarness h = new GameHarness(recovery, GameServerOptions.defaults(), 0, 300, MatchRegistry.builder(),
                MatchObserver.NONE, true)) {
            NodeProcess ann = h.player("ann");
            long annId = number(request(ann, "joinOrCreate duel"), "playerId");
            ann.send("input 1 3");
            await(ann, "state", l -> l.contains("\"counter\":3"));
            ann.send("forgetToken");
            ann.send("drop");
            await(ann, "disconnect", l -> true);
            String rejoined = await(ann, "rejoined", l -> true);
            assertTrue(rejoined.contains("\"ok\":true") && rejoined.contains("\"recovered\":true"), rejoined);
            assertEquals(annId, number(rejoined, "playerId"), rejoined);
            String first = await(ann, "state", l -> true);
            assertEquals(-1, number(first, "base"), first);
            assertEquals(3, number(first, "counter"), first);
        }
    }

    @Test
    void aSeatIsGivenUpWhenItsPlayerDoesNotComeBackWithinTheGracePeriod() throws Exception {
        try (GameHarness h = new GameHarness(GameServerOptions.builder().reconnectGraceMs(200).build(), 0, 300)) {
            NodeProcess ann = h.player("ann");
            NodeProcess bob = h.player("bob");
            String matchId = GameHarness.text(request(ann, "joinOrCreate duel"), "matchId");
            request(bob, "join " + matchId);
            bob.send("exit");
            assertEquals(0, bob.awaitExit(GameHarness.WAIT));
            NodeProcess cat = h.player("cat");
            String joined = null;
            long deadline = System.nanoTime() + GameHarness.WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                joined = request(cat, "join " + matchId);
                if (joined.contains("\"ok\":true")) {
                    break;
                }
                assertTrue(joined.contains("\"error\":\"full\""), joined);
                Thread.onSpinWait();
            }
            assertTrue(joined.contains("\"ok\":true"), "bob's seat was freed after the grace period: " + joined);
        }
    }
}
