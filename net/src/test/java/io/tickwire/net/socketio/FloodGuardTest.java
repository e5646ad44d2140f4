package io.tickwire.net.socketio;

import org.junit.jupiter.api.Test;

import static io.tickwire.net.socketio.FloodGuard.Verdict.ADMIT;
import static io.tickwire.net.socketio.FloodGuard.Verdict.CLOSE;
import static io.tickwire.net.socketio.FloodGuard.Verdict.DROP;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FloodGuardTest {
    private static final long MS = 1_000_000L;

    @Test
    void admitsTheBurstThenTheRateAndDropsTheRest() {
        FloodGuard guard = new FloodGuard(new EventRateLimit(10, 3, 100), 0);
        assertEquals(ADMIT, guard.onPacket(0));
        assertEquals(ADMIT, guard.onPacket(0));
        assertEquals(ADMIT, guard.onPacket(0));
        assertEquals(DROP, guard.onPacket(0), "the burst is spent");
        assertEquals(DROP, guard.onPacket(99 * MS));
        assertEquals(ADMIT, guard.onPacket(101 * MS), "one token per 100 ms at 10/s");
    }

    @Test
    void closesAtTheFirstDropBeyondMaxDropsPerSecondAndForgetsDropsOfEarlierSeconds() {
        FloodGuard guard = new FloodGuard(new EventRateLimit(1, 1, 2), 0);
        assertEquals(ADMIT, guard.onPacket(0));
        assertEquals(DROP, guard.onPacket(1));
        assertEquals(DROP, guard.onPacket(2));
        assertEquals(ADMIT, guard.onPacket(1_000 * MS + 2), "a token again after a second");
        assertEquals(DROP, guard.onPacket(1_000 * MS + 3), "a new second, a new drop count");
        assertEquals(DROP, guard.onPacket(1_000 * MS + 4));
        assertEquals(CLOSE, guard.onPacket(1_000 * MS + 5));
    }
}
