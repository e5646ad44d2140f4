package io.tickwire.net.match;

import io.tickwire.net.testing.NodeProcess;
import org.junit.jupiter.api.Test;

import static io.tickwire.net.match.GameHarness.await;
import static io.tickwire.net.match.GameHarness.request;
import static io.tickwire.net.match.GameHarness.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-player token bucket: a burst beyond it is dropped; sustained flooding disconnects. */
class InputRateLimitTest {

    @Test
    void inputsBeyondTheBurstAreDroppedAndAFlooderIsDisconnected() throws Exception {
        GameServerOptions options = GameServerOptions.builder().inputsPerSecond(60).inputBurst(30)
                .floodDropsPerSecond(100).build();
        try (GameHarness h = new GameHarness(options, 0, 300)) {
            NodeProcess ann = h.player("ann");
            NodeProcess bob = h.player("bob");
            String matchId = text(request(ann, "joinOrCreate duel"), "matchId");
            request(bob, "join " + matchId);

            ann.send("flood 1000");
            String gone = await(ann, "disconnect", l -> true);
            assertTrue(gone.contains("io server disconnect") || gone.contains("transport close"), gone);
            assertEquals(1, h.games.floodDisconnects());
            assertEquals(101, h.games.rateLimitedInputs(), "disconnected at the first drop beyond floodDropsPerSecond");
            String state = await(bob, "state", l -> l.contains("\"lastInputs\":[1,-1]"));
            long counter = GameHarness.number(state, "counter");
            assertTrue(counter >= 1 && counter <= 31, "no more than the burst reached the game: " + state);
        }
    }
}
