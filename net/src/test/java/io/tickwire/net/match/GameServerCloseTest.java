package io.tickwire.net.match;

import io.tickwire.net.socketio.SocketIoOptions;
import io.tickwire.net.socketio.SocketIoServer;
import io.tickwire.net.testing.NodeProcess;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static io.tickwire.net.match.GameHarness.await;
import static io.tickwire.net.match.GameHarness.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link GameServer#close()} ends what the game server owns (matches, reservations, loops, its match
 * directory) and tells the players; the Socket.IO server and the players' connections, which it does not own,
 * stay up.
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

    @Test
    void drainTellsEachGameRefusesMatchmakingAndWaitsForTheLastCriticalMessages() throws Exception {
        try (GameHarness h = new GameHarness(GameServerOptions.defaults(), 0, 5_000)) {
            NodeProcess ann = h.player("ann");
            NodeProcess bob = h.player("bob");
            NodeProcess cat = h.player("cat");
            request(ann, "joinOrCreate duel");
            request(bob, "joinOrCreate duel");
            bob.send("ignoreCritical");
            await(bob, "ignoring", l -> true);

            long start = System.nanoTime();
            assertFalse(h.games.drain(1_500), "bob never acknowledges its last message");
            long tookMs = (System.nanoTime() - start) / 1_000_000;

            assertTrue(tookMs >= 1_500, "the drain waited for bob's ack up to its timeout, took " + tookMs);
            CounterGame duel = h.matches.get(0);
            assertTrue(duel.heardShutdownMs > 1_000 && duel.heardShutdownMs <= 1_500, "time left: " + duel.heardShutdownMs);
            await(ann, "critical", l -> l.contains("\"payload\":[99]"));
            await(bob, "critical", l -> l.contains("\"payload\":[99]"));
            assertEquals(1, duel.ackOutcomes.size(), "ann's ack reached the game: " + duel.ackOutcomes);
            assertEquals(1, h.games.outstandingCriticalMessages(), "bob's");
            String refused = request(cat, "joinOrCreate field");
            assertTrue(refused.contains("\"error\":\"server shutting down\""), "no new match while draining: " + refused);
            assertEquals("server shutting down", h.games.reserveSeat("duel", Map.of(), null).error());
        }
    }

    @Test
    void closeClosesTheMatchDirectoryItWasGivenOnce() {
        AtomicInteger closes = new AtomicInteger();
        MatchDirectory counting = new MatchDirectory() {
            @Override
            public void start(Supplier<List<MatchListing>> localMatches) {
            }

            @Override
            public String nodeId() {
                return "counting";
            }

            @Override
            public boolean clustered() {
                return false;
            }

            @Override
            public CompletableFuture<List<MatchListing>> list() {
                return CompletableFuture.completedFuture(List.of());
            }

            @Override
            public void close() {
                closes.incrementAndGet();
            }
        };
        SocketIoServer io = new SocketIoServer(SocketIoOptions.defaults());
        try {
            GameServer games = GameServer.builder(io).directory(counting)
                    .mode(GameMode.of("duel", () -> new CounterGame(0, 300))).build().start();
            games.close();
            games.close();
            assertEquals(1, closes.get(), "the directory is the game server's to close, once");
        } finally {
            io.close();
        }
    }
}
