package io.tickwire.net.match;

import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.Value;
import io.tickwire.net.socketio.parser.ValueKind;

/**
 * The arguments of a player's {@code input} event, {@code (seq, ackedTick, bytes)}, decoded from what the
 * client sent: {@code seq} a non-negative integer, {@code ackedTick} an integer, {@code bytes} binary.
 * Anything else (a fraction, NaN, a number beyond the long range, a missing or extra-typed argument) is
 * refused here rather than thrown by {@code Value.asLong()} in the middle of a handler. Stateless.
 *
 * @param seq       the client's input sequence number
 * @param ackedTick the last tick the client has applied
 * @param payload   the game's input bytes (the decoded packet's own array, not copied)
 */
record InputArguments(long seq, long ackedTick, byte[] payload) {
    private static final double LONG_LIMIT = 0x1p63;

    /** The arguments of {@code args}, or {@code null} if they are malformed. */
    static InputArguments decode(ListValue args) {
        if (args.size() < 3) {
            return null;
        }
        Value seq = args.get(0);
        Value acked = args.get(1);
        Value payload = args.get(2);
        if (!isLong(seq) || !isLong(acked) || !payload.isBinary() || seq.asLong() < 0) {
            return null;
        }
        return new InputArguments(seq.asLong(), acked.asLong(), payload.asBytes());
    }

    /** Whether {@link Value#asLong()} will succeed: a long, or a double holding an integer in range. */
    private static boolean isLong(Value v) {
        if (v.kind() == ValueKind.LONG) {
            return true;
        }
        if (!v.isNumber()) {
            return false;
        }
        double d = v.asDouble();
        return d == Math.rint(d) && d >= -LONG_LIMIT && d < LONG_LIMIT;
    }
}
