package io.tickwire.net.socketio.parser;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The value model as game code uses it: building from Java, reading with typed accessors. */
class ValueTest {

    @Test
    void readsAGameInputWithTypedAccessors() {
        Value input = SamplePackets.gameInput();
        assertEquals("input", input.get(0).asString());
        Value fields = input.get(1);
        assertEquals(123, fields.get("seq").asInt());
        assertEquals(0.5, fields.get("ax").asDouble());
        assertEquals(-1, fields.get("ay").asLong());
        assertTrue(fields.has("keys"));
        assertFalse(fields.has("fire"));
        assertTrue(fields.get("fire").isNull(), "an absent key reads as null");
    }

    @Test
    void keepsInsertionOrderAndReplacesDuplicateKeysInPlace() {
        MapValue map = MapValue.builder().put("b", 1).put("a", 2).put("b", 3).build();
        assertEquals(List.of("b", "a"), List.copyOf(map.asMap().keySet()));
        assertEquals(3, map.get("b").asLong());
        MapValue.Builder big = MapValue.builder();
        for (int i = 20; i > 0; i--) {
            big.put("k" + i, i);
        }
        MapValue built = big.put("k20", 0).build();
        assertEquals("k20", built.keyAt(0));
        assertEquals(0, built.get("k20").asLong());
        assertEquals(7, built.get("k7").asLong());
        assertEquals(20, built.size());
    }

    @Test
    void convertsPlainJavaData() {
        Map<String, Object> java = new LinkedHashMap<>();
        java.put("n", 1);
        java.put("d", 2.5f);
        java.put("s", "x");
        java.put("list", List.of(true, new byte[] {1}));
        java.put("none", null);
        Value value = Value.from(java);
        assertEquals(Value.map("n", 1, "d", 2.5, "s", "x", "list", Value.list(Value.TRUE, Value.of(new byte[] {1})),
                "none", Value.NULL), value);
        assertThrows(IllegalArgumentException.class, () -> Value.from(new Object()));
        assertThrows(IllegalArgumentException.class, () -> Value.map("odd"));
    }

    @Test
    void comparesNumbersAsJavaScriptDoes() {
        assertEquals(Value.of(1), Value.of(1.0));
        assertEquals(Value.of(1).hashCode(), Value.of(1.0).hashCode());
        assertEquals(Value.of(0), Value.of(-0.0));
        assertEquals(Value.of(1152921504606847000L), Value.of(0x1p60), "one JavaScript number beyond 2^53");
        assertEquals(Value.of(1152921504606847000L).hashCode(), Value.of(0x1p60).hashCode());
        assertNotEquals(Value.of(1), Value.of(1.5));
        assertEquals(3, Value.of(3.0).asLong());
        assertThrows(IllegalStateException.class, () -> Value.of(1.5).asLong());
        assertThrows(IllegalStateException.class, () -> Value.of(1L << 40).asInt());
    }

    @Test
    void namesBothKindsWhenAnAccessorDoesNotFit() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> Value.of("x").asLong());
        assertTrue(error.getMessage().contains("expected LONG but the value is STRING"), error.getMessage());
        assertThrows(IllegalStateException.class, () -> Value.NULL.get("x"));
        assertThrows(IndexOutOfBoundsException.class, () -> Value.list().get(0));
    }

    @Test
    void sharesBytesWithoutCopying() {
        byte[] bytes = {1, 2, 3};
        Value value = Value.of(bytes);
        assertTrue(value.isBinary());
        assertSame(bytes, value.asBytes());
        assertEquals(value, Value.of(new byte[] {1, 2, 3}));
        assertArrayEquals(new byte[] {1, 2, 3}, value.asBytes());
    }

    @Test
    void buildersRefuseNullsAndASecondBuild() {
        assertThrows(NullPointerException.class, () -> ListValue.builder().add((Value) null));
        assertThrows(NullPointerException.class, () -> MapValue.builder().put("k", (Value) null));
        ListValue.Builder builder = ListValue.builder().add(1);
        builder.build();
        assertThrows(IllegalStateException.class, builder::build);
    }
}
