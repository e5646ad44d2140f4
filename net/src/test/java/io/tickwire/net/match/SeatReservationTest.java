package io.tickwire.net.match;

import io.tickwire.net.testing.NodeProcess;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.tickwire.net.match.GameHarness.await;
import static io.tickwire.net.match.GameHarness.request;
import static io.tickwire.net.match.GameHarness.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Reserve now, connect later": a seat reserved on the server is claimed by a socket.io-client that connects afterwards. */
class SeatReservationTest {

    @Test
    void aReservedSeatIsTakenByThePlayerWhoConnectsLaterAndPresentsItsToken() throws Exception {
        try (GameHarness h = new GameHarness()) {
            SeatReservation reserved = h.games.reserveSeat("duel", Map.of(), null);
            assertTrue(reserved.ok(), reserved.toString());
            assertEquals(1, h.games.reservedSeats());

            NodeProcess ann = h.player("ann");
            String claimed = request(ann, "claim " + reserved.token());
            assertTrue(claimed.contains("\"ok\":true"), claimed);
            assertEquals(reserved.matchId(), text(claimed, "matchId"));
            assertEquals(0, h.games.reservedSeats());
            ann.send("input 1 4");
            await(ann, "state", l -> l.contains("\"counter\":4"));

            NodeProcess bob = h.player("bob");
            String again = request(bob, "claim " + reserved.token());
            assertTrue(again.contains("\"error\":\"no such reservation\""), "a token is claimed once: " + again);
        }
    }

    @Test
    void reservedSeatsCountAgainstTheMatchsMaxPlayers() throws Exception {
        try (GameHarness h = new GameHarness()) {
            SeatReservation first = h.games.reserveSeat("duel", Map.of(), null);
            SeatReservation second = h.games.reserveSeatIn(first.matchId(), new byte[] {1});
            assertTrue(second.ok(), second.toString());
            assertEquals("full", h.games.reserveSeatIn(first.matchId(), null).error());
            assertEquals("unknown mode", h.games.reserveSeat("chess", Map.of(), null).error());

            NodeProcess cat = h.player("cat");
            String refused = request(cat, "join " + first.matchId());
            assertTrue(refused.contains("\"error\":\"full\""), "two reserved seats fill a duel: " + refused);
        }
    }

    @Test
    void aReservedSeatExpiresWhenItsPlayerDoesNotClaimItInTime() throws Exception {
        GameServerOptions options = GameServerOptions.builder().seatReservationMs(300).build();
        try (GameHarness h = new GameHarness(options, 0, 300)) {
            SeatReservation reserved = h.games.reserveSeat("duel", Map.of(), null);
            assertEquals(1, h.games.matchMaker().list("duel", Map.of()).get(0).seats(), "the reservation holds a seat");
            NodeProcess ann = h.player("ann");                 // connects, but does not claim in time
            String listed = request(ann, "list duel");
            long deadline = System.nanoTime() + GameHarness.WAIT.toNanos();
            while (!listed.contains("\"players\":0") && System.nanoTime() < deadline) {
                listed = request(ann, "list duel");
            }
            assertTrue(listed.contains("\"players\":0"), "the expired reservation gave its seat back: " + listed);
            assertEquals(0, h.games.reservedSeats());

            String late = request(ann, "claim " + reserved.token());
            assertTrue(late.contains("\"ok\":false") && late.contains("\"error\":\"no such reservation\""), late);
        }
    }
}
