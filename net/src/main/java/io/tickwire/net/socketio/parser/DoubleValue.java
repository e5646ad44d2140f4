package io.tickwire.net.socketio.parser;

/**
 * A number held as a double. When integral it is written as an integer on the wire and equals the
 * {@link LongValue} of the same number, as JavaScript has a single number type.
 */
public final class DoubleValue implements Value {
    /** 2^63: doubles at or above this magnitude do not fit in a long. */
    private static final double LONG_LIMIT = 0x1p63;

    private final double value;

    DoubleValue(double value) {
        this.value = value;
    }

    @Override
    public ValueKind kind() {
        return ValueKind.DOUBLE;
    }

    @Override
    public double asDouble() {
        return value;
    }

    @Override
    public long asLong() {
        if (!fitsLong(value)) {
            throw new IllegalStateException("number " + value + " is not an integer that fits in a long");
        }
        return (long) value;
    }

    /** Whether {@code d} is an integer within the long range (then {@code (long) d} is exact). */
    static boolean fitsLong(double d) {
        return d == Math.rint(d) && d >= -LONG_LIMIT && d < LONG_LIMIT;
    }

    @Override
    public boolean equals(Object other) {
        if (other instanceof DoubleValue that) {
            return Double.compare(value, that.value) == 0 || value == that.value;
        }
        return other instanceof LongValue that && fitsLong(value) && (long) value == that.asLong();
    }

    @Override
    public int hashCode() {
        return fitsLong(value) ? Long.hashCode((long) value) : Double.hashCode(value);
    }

    @Override
    public String toString() {
        return Double.toString(value);
    }
}
