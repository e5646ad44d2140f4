package io.tickwire.net.match;

import io.tickwire.engine.match.MatchRegistry;
import io.tickwire.net.testing.NodeProcess;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import static io.tickwire.net.match.GameHarness.await;
import static io.tickwire.net.match.GameHarness.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Actions travel as inputs, so the engine's {@code maxInputsPerPlayerPerTick} (4 in mode "duel") applies to
 * them: one dropped over the cap is answered {@code {ok: false, error: "rate limited"}} at once, never left
 * to time out on the client.
 */
class ActionOverTickCapTest {

    @Test
    void actionsOverThePerTickCapAreAnsweredRateLimitedInsteadOfTimingOut() throws Exception {
        try (GameHarness h = new GameHarness(GameServerOptions.defaults(), 0, 300, MatchRegistry.builder(),
                MatchObserver.NONE, false);
             Ticks ticks = new Ticks(h.games)) {
            NodeProcess ann = h.player("ann");
            assertTrue(request(ann, "joinOrCreate duel").contains("\"ok\":true"));

            ticks.pause();
            ann.send("actions 1 6");
            request(ann, "list duel");                          // handled after the six actions: all are queued
            ticks.resume();                                     // the next tick takes them in at once

            List<String> replies = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                replies.add(await(ann, "reply", l -> l.contains("\"req\":\"action\"")));
            }
            assertEquals(4, replies.stream().filter(r -> r.contains("\"ok\":true") && r.contains("\"result\":[0,0,0,0]")).count(),
                    "the cap's worth applied and answered with the game's result: " + replies);
            assertEquals(2, replies.stream().filter(r -> r.contains("\"ok\":false")
                    && r.contains("\"error\":\"rate limited\"")).count(), "the rest refused, none timed out: " + replies);
            assertEquals(0, h.games.rateLimitedInputs(), "the token bucket had nothing to do with it");
        }
    }

    /** Runs the loops on a thread of its own, ticking in real time, except while paused. */
    private static final class Ticks implements AutoCloseable {
        private final ReentrantLock running = new ReentrantLock();
        private final Thread thread;
        private volatile boolean stop;

        Ticks(GameServer games) {
            thread = new Thread(() -> {
                while (!stop) {
                    running.lock();
                    try {
                        games.matches().doWork();
                    } finally {
                        running.unlock();
                    }
                    LockSupport.parkNanos(1_000_000);
                }
            }, "test-ticks");
            thread.start();
        }

        void pause() {
            running.lock();
        }

        void resume() {
            running.unlock();
        }

        @Override
        public void close() throws InterruptedException {
            stop = true;
            thread.join();
        }
    }
}
