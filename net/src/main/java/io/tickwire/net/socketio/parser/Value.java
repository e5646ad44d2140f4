package io.tickwire.net.socketio.parser;

import java.util.List;
import java.util.Map;

/**
 * An immutable Socket.IO payload value: what {@code JSON.parse} or notepack.io would give a JavaScript
 * peer (null, boolean, number, string, binary, array, object), produced and consumed identically by the
 * default and the MessagePack parser.
 *
 * <p>Numbers follow JavaScript: {@link ValueKind#LONG} and {@link ValueKind#DOUBLE} that denote the same
 * number are {@link #equals equal}, and an integral double is written on the wire as an integer (as
 * {@code JSON.stringify} and notepack.io do). Binary stays bytes end to end: {@link #of(byte[])} wraps the
 * array without copying and {@link #asBytes()} returns it, so neither side may modify it afterwards.
 *
 * <p>Values are immutable and safe to share between threads. Accessors that do not fit the kind throw
 * {@link IllegalStateException} naming the expected and the actual kind.
 */
public sealed interface Value
        permits NullValue, BooleanValue, LongValue, DoubleValue, StringValue, BytesValue, ListValue, MapValue {

    /** JSON {@code null} (also what an absent map key reads as, see {@link #get(String)}). */
    Value NULL = NullValue.INSTANCE;
    Value TRUE = BooleanValue.TRUE;
    Value FALSE = BooleanValue.FALSE;

    static Value of(boolean value) {
        return value ? TRUE : FALSE;
    }

    static Value of(long value) {
        return LongValue.of(value);
    }

    static Value of(double value) {
        return new DoubleValue(value);
    }

    /** A string value; {@code null} gives {@link #NULL}. */
    static Value of(String value) {
        return value == null ? NULL : new StringValue(value);
    }

    /** Wraps {@code bytes} without copying: the caller must not modify the array afterwards. Null gives {@link #NULL}. */
    static Value of(byte[] bytes) {
        return bytes == null ? NULL : new BytesValue(bytes);
    }

    /** A list of the given values (the array is copied). */
    static ListValue list(Value... items) {
        return ListValue.copyOf(items);
    }

    /** A map from alternating keys and values, e.g. {@code Value.map("seq", Value.of(1), "ax", Value.of(0.5))}. */
    static MapValue map(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("map needs key/value pairs, got " + keysAndValues.length + " items");
        }
        MapValue.Builder builder = MapValue.builder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (!(keysAndValues[i] instanceof String key)) {
                throw new IllegalArgumentException("map key #" + i / 2 + " is not a String: " + keysAndValues[i]);
            }
            builder.put(key, from(keysAndValues[i + 1]));
        }
        return builder.build();
    }

    /**
     * Converts plain Java data: {@code null}, {@link Value}, {@link Boolean}, integral {@link Number}s (long),
     * other numbers (double), {@link CharSequence}, {@code byte[]}, {@link List}, {@link Map} with string keys
     * (iteration order kept) and {@code Object[]}.
     *
     * @throws IllegalArgumentException for anything else
     */
    static Value from(Object java) {
        return JavaValues.toValue(java);
    }

    ValueKind kind();

    default boolean isNull() {
        return kind() == ValueKind.NULL;
    }

    default boolean isBoolean() {
        return kind() == ValueKind.BOOLEAN;
    }

    /** True for both number kinds. */
    default boolean isNumber() {
        return kind() == ValueKind.LONG || kind() == ValueKind.DOUBLE;
    }

    default boolean isString() {
        return kind() == ValueKind.STRING;
    }

    default boolean isBinary() {
        return kind() == ValueKind.BYTES;
    }

    default boolean isList() {
        return kind() == ValueKind.LIST;
    }

    default boolean isMap() {
        return kind() == ValueKind.MAP;
    }

    default boolean asBoolean() {
        throw mismatch(ValueKind.BOOLEAN);
    }

    /** The number as a long; a double must be integral and in range. */
    default long asLong() {
        throw mismatch(ValueKind.LONG);
    }

    /** The number as an int; must be integral and in range. */
    default int asInt() {
        long value = asLong();
        if (value != (int) value) {
            throw new IllegalStateException("number " + value + " does not fit in an int");
        }
        return (int) value;
    }

    default double asDouble() {
        throw mismatch(ValueKind.DOUBLE);
    }

    default String asString() {
        throw mismatch(ValueKind.STRING);
    }

    /** The bytes, not copied: do not modify them. */
    default byte[] asBytes() {
        throw mismatch(ValueKind.BYTES);
    }

    /** The elements of a list, or the entry count of a map. */
    default int size() {
        throw mismatch(ValueKind.LIST);
    }

    /** The list element at {@code index}; throws {@link IndexOutOfBoundsException} when out of range. */
    default Value get(int index) {
        throw mismatch(ValueKind.LIST);
    }

    /** The map value for {@code key}, or {@link #NULL} when the key is absent (see {@link #has(String)}). */
    default Value get(String key) {
        throw mismatch(ValueKind.MAP);
    }

    /** Whether a map has {@code key}. */
    default boolean has(String key) {
        throw mismatch(ValueKind.MAP);
    }

    /** An unmodifiable view of a list's elements. */
    default List<Value> asList() {
        throw mismatch(ValueKind.LIST);
    }

    /** An unmodifiable, insertion-ordered view of a map. */
    default Map<String, Value> asMap() {
        throw mismatch(ValueKind.MAP);
    }

    private IllegalStateException mismatch(ValueKind expected) {
        return new IllegalStateException("expected " + expected + " but the value is " + kind() + ": " + this);
    }
}
