package io.tickwire.net.match;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GameServerOptionsTest {

    @Test
    void defaultsServeGamesOnSlashGame() {
        GameServerOptions o = GameServerOptions.defaults();
        assertEquals("/game", o.namespace());
        assertEquals(60, o.inputsPerSecond());
        assertEquals(10_000, o.reconnectGraceMs());
    }

    @Test
    void anInvalidOptionIsNamedInTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GameServerOptions.builder().inputBurst(0).build());
        assertEquals("inputBurst must be at least 1, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GameServerOptions.builder().namespace("game").build());
    }

    @Test
    void inputRulesRefuseABoundBelowTheMinimum() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new InputRules(8, 4, InputValidator.ANY));
        assertEquals("maxBytes must be >= minBytes (8), got 4", e.getMessage());
    }
}
