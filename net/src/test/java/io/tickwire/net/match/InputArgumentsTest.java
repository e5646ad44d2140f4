package io.tickwire.net.match;

import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.Value;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What a client may send as {@code input(seq, ackedTick, bytes)}, and what is refused without a throw. */
class InputArgumentsTest {
    private static final Value BYTES = Value.of(new byte[] {1, 2});

    @Test
    void decodesIntegersAlsoWhenTheyArriveAsIntegralDoubles() {
        InputArguments in = InputArguments.decode(Value.list(Value.of(7.0), Value.of(-1), BYTES, Value.of("extra")));
        assertEquals(7, in.seq());
        assertEquals(-1, in.ackedTick());
        assertArrayEquals(new byte[] {1, 2}, in.payload());
    }

    @Test
    void refusesNumbersThatAreNoLongAndMissingOrMistypedArguments() {
        // each of these made Value.asLong() throw inside the input handler before InputArguments
        assertNull(InputArguments.decode(Value.list(Value.of(1.5), Value.of(0), BYTES)));
        assertNull(InputArguments.decode(Value.list(Value.of(0), Value.of(Double.NaN), BYTES)));
        assertNull(InputArguments.decode(Value.list(Value.of(1e300), Value.of(0), BYTES)));
        assertNull(InputArguments.decode(Value.list(Value.of(0), Value.of(Double.NEGATIVE_INFINITY), BYTES)));
        assertNull(InputArguments.decode(Value.list(Value.of(0x1p63), Value.of(0), BYTES)), "2^63 is one past Long.MAX_VALUE");
        assertNull(InputArguments.decode(Value.list(Value.of(-1), Value.of(0), BYTES)), "seq is never negative");
        assertNull(InputArguments.decode(Value.list(Value.of(1), Value.of(0), Value.of("bytes"))));
        assertNull(InputArguments.decode(Value.list(Value.of(1), Value.of(0))));
        assertNull(InputArguments.decode(ListValue.empty()));
    }
}
