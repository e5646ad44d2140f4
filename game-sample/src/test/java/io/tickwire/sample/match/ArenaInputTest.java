package io.tickwire.sample.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tickwire.net.match.InputRules;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The two input forms: the bots' 2-byte move and the browser's 5-byte move, aim and buttons. */
class ArenaInputTest {
    private final InputRules rules = ArenaInput.rules();

    private boolean accepted(byte... payload) {
        return payload.length >= rules.minBytes() && payload.length <= rules.maxBytes()
                && rules.validator().accepts(ByteBuffer.wrap(payload));
    }

    @Test
    void acceptsTheMoveOnlyFormAndTheFullForm() {
        assertTrue(accepted((byte) 1, (byte) -1));
        assertTrue(accepted((byte) 0, (byte) 1, (byte) 0x3d, (byte) 0x5c, (byte) 1));
    }

    @Test
    void refusesOtherLengthsAndAxesOutsideMinusOneToOne() {
        assertFalse(accepted((byte) 1));
        assertFalse(accepted((byte) 1, (byte) 0, (byte) 0));
        assertFalse(accepted((byte) 1, (byte) 0, (byte) 0, (byte) 0));
        assertFalse(accepted((byte) 2, (byte) 0));
        assertFalse(accepted((byte) 0, (byte) -2, (byte) 0, (byte) 0, (byte) 0));
    }

    @Test
    void readsAimInTenThousandthsOfARadianAndTheTrigger() {
        ByteBuffer full = ByteBuffer.allocate(5).put((byte) -1).put((byte) 0).putShort((short) 15708).put((byte) 1).flip();
        assertTrue(ArenaInput.isFull(full));
        assertEquals(-1, ArenaInput.dx(full));
        assertEquals(1.5708f, ArenaInput.aim(full), 1e-6f);
        assertEquals(ArenaInput.FIRE, ArenaInput.buttons(full) & ArenaInput.FIRE);
        assertFalse(ArenaInput.isFull(ByteBuffer.wrap(new byte[] {1, 1})));
    }
}
