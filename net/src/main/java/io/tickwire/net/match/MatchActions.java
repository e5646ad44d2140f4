package io.tickwire.net.match;

import io.tickwire.engine.match.Inputs;
import io.tickwire.engine.match.MatchContext;

/**
 * Critical client actions (buy, ready) as game code sees them. An {@code action} event reaches the match as
 * an input with a <b>negative</b> sequence number (ordinary inputs carry the client's sequence, never
 * negative): game code tells them apart with {@link #isAction} in {@code onTick}. After the tick that applied
 * it, the client's ack is answered with {@code {ok: true, tick, result}}, where {@code result} is what the
 * game passed to {@link #reply} during that tick (null if nothing). An action the engine drops over
 * {@code maxInputsPerPlayerPerTick} never reaches {@code onTick}; its ack is answered
 * {@code {ok: false, error: "rate limited"}}.
 *
 * <p>Call {@link #reply} on the match's loop thread only, during {@code onTick}, for a match hosted by a
 * {@link GameServer}.
 */
public final class MatchActions {
    private MatchActions() {
    }

    /** Whether input {@code i} is a critical action rather than an ordinary input. */
    public static boolean isAction(Inputs inputs, int i) {
        return inputs.sequence(i) < 0;
    }

    /**
     * Sets the result that acknowledges action {@code i} of {@code inputs}: {@code result[offset, offset+length)}
     * is copied (borrowed for the call), sent as bytes in the ack's {@code result}.
     *
     * @throws IllegalArgumentException if input {@code i} is not an action
     * @throws IllegalStateException if {@code ctx} is not a match hosted by a {@link GameServer}
     */
    public static void reply(MatchContext ctx, Inputs inputs, int i, byte[] result, int offset, int length) {
        if (!isAction(inputs, i)) {
            throw new IllegalArgumentException("input " + i + " is not an action");
        }
        if (!(ctx.outbox() instanceof RoomOutbox room)) {
            throw new IllegalStateException("match " + ctx.handle().id() + " is not hosted by a GameServer");
        }
        room.replyToAction(inputs.playerId(i), inputs.sequence(i), java.util.Arrays.copyOfRange(result, offset, offset + length));
    }

    static long actionSequence(long actionId) {
        return -1 - actionId;
    }
}
