package io.tickwire.net.client;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackoffTest {

    @Test
    void doublesFromTheFirstDelayUpToTheCeilingWithoutJitter() {
        Backoff backoff = new Backoff(1000, 5000, 0, () -> 0.5);
        assertEquals(1000, backoff.nextDelayMs());
        assertEquals(2000, backoff.nextDelayMs());
        assertEquals(4000, backoff.nextDelayMs());
        assertEquals(5000, backoff.nextDelayMs());
        assertEquals(5000, backoff.nextDelayMs());
        assertEquals(5, backoff.attempts());
    }

    @Test
    void jitterMovesTheDelayDownOrUpByARandomShareAsSocketIoClientDoes() {
        // r = 0.25: floor(2.5) = 2 is even, so the delay goes down by floor(0.25 * 0.5 * 1000) = 125
        assertEquals(875, new Backoff(1000, 5000, 0.5, () -> 0.25).nextDelayMs());
        // r = 0.35: floor(3.5) = 3 is odd, so the delay goes up by floor(0.35 * 0.5 * 1000) = 175
        assertEquals(1175, new Backoff(1000, 5000, 0.5, () -> 0.35).nextDelayMs());
    }

    @Test
    void resetStartsOverFromTheFirstDelay() {
        Backoff backoff = new Backoff(100, 5000, 0, () -> 0);
        backoff.nextDelayMs();
        backoff.nextDelayMs();
        backoff.reset();
        assertEquals(100, backoff.nextDelayMs());
    }
}
