package io.tickwire.sample;

import io.tickwire.net.launch.InvalidOptionException;
import io.tickwire.net.launch.Launcher;
import io.tickwire.sample.match.ArenaSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The arena's own options ({@code ./run --fill N --round S}) beside the server's. */
class ArenaOptionsTest {
    private static final Launcher LAUNCHER = new Launcher("./run", "the arena", ArenaServer.OPTIONS);

    private static ArenaSettings arena(Map<String, String> env, String... args) {
        return ArenaServer.arenaSettings(LAUNCHER.parse(args, env).config());
    }

    @Test
    void defaultsComeFromTheArenasReferenceConf() {
        ArenaSettings settings = arena(Map.of());
        assertEquals(4, settings.combatants());
        assertEquals(180_000, settings.roundMs());
    }

    @Test
    void roundIsSecondsAsBeforeOrADuration() {
        assertEquals(60_000, arena(Map.of(), "--round", "60").roundMs());
        assertEquals(300_000, arena(Map.of("ARENA_ROUND", "5m")).roundMs());
        assertEquals(2, arena(Map.of(), "--fill", "2").combatants());
    }

    @Test
    void badValuesNameTheOption() {
        InvalidOptionException fill = assertThrows(InvalidOptionException.class, () -> arena(Map.of(), "--fill", "40"));
        assertEquals("arena.fill (--fill, ARENA_FILL): must be at most 16, was 40", fill.getMessage());
        InvalidOptionException round = assertThrows(InvalidOptionException.class, () -> arena(Map.of(), "--round", "abc"));
        assertTrue(round.getMessage().startsWith("arena.round (--round, ARENA_ROUND): cannot be 'abc'"), round.getMessage());
    }

    @Test
    void helpListsTheArenasOptionsAfterTheServers() {
        String help = LAUNCHER.usage();
        assertTrue(help.indexOf("--fill=N") > help.indexOf("--port=N"), help);
        assertTrue(help.contains("(default: 180s) [ARENA_ROUND]"), help);
    }
}
