package io.tickwire.net.match;

import io.tickwire.net.testing.NodeProcess;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.tickwire.net.match.GameHarness.await;
import static io.tickwire.net.match.GameHarness.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link GameServer#close()} ends what the game server owns (matches, reservations, loops) and tells the
 * players; the Socket.IO server and the players' connections, which it does not own, stay up.
 */
class GameServerCloseTest {

    @Test
    void closeEndsEveryMatchTellsItsPlayersAndRefusesLaterRequestsOnOpenConnections() throws Exception {
        try (GameHarness h = new GameHarness()) {
            NodeProcess ann = h.player("ann");
            NodeProcess bob = h.player("bob");
            NodeProcess cat = h.player("cat");
            request(ann, "joinOrCreate duel");
            request(bob, "joinOrCreate duel");
            request(cat, "joinOrCreate field");
            SeatReservation held = h.games.reserveSeat("duel", Map.of(), null);
            assertTrue(held.ok(), held.toString());
            assertEquals(3, h.games.matches().list(Map.of()).size(), "ann and bob's duel, cat's field, the reserved duel");

            h.games.close();

            for (NodeProcess p : new NodeProcess[] {ann, bob, cat}) {
                String left = await(p, "left", l -> true);
                assertTrue(left.contains("\"reason\":\"server closed\""), left);
            }
            assertTrue(h.games.matches().list(Map.of()).isEmpty(), "every match was disposed");
            assertEquals(0, h.games.reservedSeats(), "reservations were given back");
            assertEquals("server closed", h.games.reserveSeat("duel", Map.of(), null).error());

            String refused = request(ann, "joinOrCreate duel");
            assertTrue(refused.contains("\"error\":\"server closed\""), refused);
            String claim = request(bob, "claim " + held.token());
            assertTrue(claim.contains("\"error\":\"server closed\""), claim);
            String listed = request(cat, "list");
            assertTrue(listed.contains("\"matches\":[]"), "the connection is still served: " + listed);

            h.games.close();                                   // idempotent
        }
    }
}
