package io.tickwire.net.socketio.parser;

import java.util.Arrays;

/**
 * Binary data. The array is shared, not copied: whoever built the value handed it over, and readers of
 * {@link #asBytes()} must not modify it.
 */
public final class BytesValue implements Value {
    private final byte[] bytes;

    BytesValue(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public ValueKind kind() {
        return ValueKind.BYTES;
    }

    @Override
    public byte[] asBytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BytesValue that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "<" + bytes.length + " bytes>";
    }
}
