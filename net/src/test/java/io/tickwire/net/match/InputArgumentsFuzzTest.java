package io.tickwire.net.match;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.Value;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The arguments of an {@code input} event, as any client could send them (any count, any JSON or msgpack
 * value: fractions, NaN, infinities, numbers beyond a long): decoding returns arguments or null and never
 * throws. Replays {@code InputArgumentsFuzzTestInputs/} in every build; fuzz with
 * {@code ./run fuzz InputArgumentsFuzzTest}.
 */
class InputArgumentsFuzzTest {

    @FuzzTest
    void decodesAnyArgumentsWithoutThrowing(FuzzedDataProvider data) {
        ListValue.Builder args = ListValue.builder();
        int count = data.consumeInt(0, 5);
        for (int i = 0; i < count; i++) {
            args.add(value(data));
        }
        InputArguments decoded = InputArguments.decode(args.build());
        if (decoded != null) {
            assertTrue(decoded.seq() >= 0, "seq is never negative");
            assertTrue(decoded.payload() != null);
        }
    }

    private static Value value(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 6)) {
            case 0 -> Value.of(data.consumeLong());
            case 1 -> Value.of(data.consumeDouble());
            case 2 -> Value.of(data.consumeString(16));
            case 3 -> Value.of(data.consumeBytes(16));
            case 4 -> Value.of(data.consumeBoolean());
            case 5 -> Value.NULL;
            default -> Value.list(Value.of(data.consumeInt()));
        };
    }
}
