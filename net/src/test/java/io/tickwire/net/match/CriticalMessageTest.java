package io.tickwire.net.match;

import io.tickwire.net.testing.NodeProcess;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.tickwire.net.match.GameHarness.await;
import static io.tickwire.net.match.GameHarness.number;
import static io.tickwire.net.match.GameHarness.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Server → client critical messages: acked, or retried after each timeout and then the player is dropped. */
class CriticalMessageTest {
    private static final long TIMEOUT_MS = 300;

    @Test
    void anAckedCriticalMessageReportsTheClientsReplyToTheGame() throws Exception {
        try (GameHarness h = new GameHarness(GameServerOptions.defaults(), 0, TIMEOUT_MS)) {
            NodeProcess ann = h.player("ann");
            long annId = number(request(ann, "joinOrCreate duel"), "playerId");
            ann.send("action 2");
            await(ann, "critical", l -> true);
            assertEquals(annId + ":ACKED:2", awaitOutcome(h));
        }
    }

    @Test
    void anUnackedCriticalMessageIsRetriedThenThePlayerIsTreatedAsDisconnected() throws Exception {
        GameServerOptions options = GameServerOptions.builder().criticalRetries(2).build();
        try (GameHarness h = new GameHarness(options, 0, TIMEOUT_MS)) {
            NodeProcess ann = h.player("ann");
            long annId = number(request(ann, "joinOrCreate duel"), "playerId");
            ann.send("ignoreCritical");
            await(ann, "ignoring", l -> true);
            ann.send("action 2");
            String first = await(ann, "critical", l -> true);
            long firstSeenNanos = System.nanoTime();
            for (int retry = 0; retry < 2; retry++) {
                String again = await(ann, "critical", l -> true);
                assertEquals(number(first, "token"), number(again, "token"), "a retry carries the same token");
            }
            String left = await(ann, "left", l -> true);
            long elapsedMs = (System.nanoTime() - firstSeenNanos) / 1_000_000;
            assertTrue(left.contains("\"reason\":\"unresponsive\""), left);
            assertTrue(elapsedMs >= 2 * TIMEOUT_MS - 50, "two more timeouts passed before giving up: " + elapsedMs + " ms");
            assertEquals(annId + ":TIMED_OUT:0", awaitOutcome(h));
            await(ann, "disconnect", l -> true);
        }
    }

    private static String awaitOutcome(GameHarness h) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            String outcome = h.matches.get(0).ackOutcomes.peek();
            if (outcome != null) {
                return outcome;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no ack outcome reached the game");
    }
}
