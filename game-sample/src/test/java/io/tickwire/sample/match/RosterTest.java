package io.tickwire.sample.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Player names come from join data: cleaned of control characters, cut to 16, "player N" when empty. */
class RosterTest {
    private static ByteBuffer utf8(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void namesAreCleanedTrimmedAndCutToSixteenCharacters() {
        assertEquals("Zoë", Roster.nameFrom(utf8("  Zoë\n"), 3));
        assertEquals("abcdefghijklmnop", Roster.nameFrom(utf8("abcdefghijklmnopqrstuvwxyz"), 3));
        assertEquals("ab", Roster.nameFrom(utf8("a\u0000b"), 3));
    }

    @Test
    void aPlayerWithoutANameIsCalledByItsId() {
        assertEquals("player 7", Roster.nameFrom(ByteBuffer.allocate(0), 7));
        assertEquals("player 7", Roster.nameFrom(utf8(" \t "), 7));
        assertEquals("player 7", Roster.nameFrom(null, 7));
    }
}
