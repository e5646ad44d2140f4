package io.tickwire.net.socketio.parser;

/** JSON {@code null}; the only instance is {@link Value#NULL}. */
public final class NullValue implements Value {
    static final NullValue INSTANCE = new NullValue();

    private NullValue() {
    }

    @Override
    public ValueKind kind() {
        return ValueKind.NULL;
    }

    @Override
    public String toString() {
        return "null";
    }
}
