package io.tickwire.net.socketio.parser;

/** An integral number held exactly. Equal to a {@link DoubleValue} of the same numeric value. */
public final class LongValue implements Value {
    private static final LongValue[] SMALL = new LongValue[256 + 128];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new LongValue(i - 128);
        }
    }

    private final long value;

    private LongValue(long value) {
        this.value = value;
    }

    /** Small values (-128..255: flags, keys, sequence bytes) are shared so decoding them allocates nothing. */
    static LongValue of(long value) {
        return value >= -128 && value < 256 ? SMALL[(int) value + 128] : new LongValue(value);
    }

    @Override
    public ValueKind kind() {
        return ValueKind.LONG;
    }

    @Override
    public long asLong() {
        return value;
    }

    @Override
    public double asDouble() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        if (other instanceof LongValue that) {
            return value == that.value;
        }
        return other instanceof DoubleValue that && that.equals(this);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
