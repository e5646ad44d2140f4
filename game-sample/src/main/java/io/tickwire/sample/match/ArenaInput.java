package io.tickwire.sample.match;

import io.tickwire.net.match.InputRules;

import java.nio.ByteBuffer;

/**
 * The arena's input payload, checked on the connection's event loop by {@link #rules()}:
 * <ul>
 *   <li>2 bytes {@code dx, dy} (each -1, 0 or 1): the "move only" form (the loadtest's bots send it);</li>
 *   <li>5 bytes {@code dx, dy, aim (int16, 1/10000 radian, big-endian), buttons (bit 0: trigger held)}: the
 *       browser client's form.</li>
 * </ul>
 * Each input is one movement step of {@link io.tickwire.sample.arena.ArenaRules#STEP_SECONDS}; aim and trigger
 * hold until the next input. Static helpers read a payload without allocating.
 */
public final class ArenaInput {
    /** Length of the move-only form. */
    public static final int MOVE_BYTES = 2;
    /** Length of the full form. */
    public static final int FULL_BYTES = 5;
    /** Bit of {@link #buttons} for the trigger. */
    public static final int FIRE = 1;

    private ArenaInput() {
    }

    /** 2 or 5 bytes, with each axis in {-1, 0, 1}. */
    public static InputRules rules() {
        return new InputRules(MOVE_BYTES, FULL_BYTES, in -> (in.remaining() == MOVE_BYTES || in.remaining() == FULL_BYTES)
                && Math.abs(in.get(0)) <= 1 && Math.abs(in.get(1)) <= 1);
    }

    public static int dx(ByteBuffer payload) {
        return payload.get(0);
    }

    public static int dy(ByteBuffer payload) {
        return payload.get(1);
    }

    /** Whether the payload carries aim and buttons. */
    public static boolean isFull(ByteBuffer payload) {
        return payload.remaining() >= FULL_BYTES;
    }

    /** Aim in radians; only for {@link #isFull} payloads. */
    public static float aim(ByteBuffer payload) {
        return payload.getShort(2) / 10_000f;
    }

    /** Buttons held; only for {@link #isFull} payloads. */
    public static int buttons(ByteBuffer payload) {
        return payload.get(4) & 0xff;
    }
}
