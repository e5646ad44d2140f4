package io.tickwire.net.socketio.parser;

/** {@code true} or {@code false}; the only instances are {@link Value#TRUE} and {@link Value#FALSE}. */
public final class BooleanValue implements Value {
    static final BooleanValue TRUE = new BooleanValue(true);
    static final BooleanValue FALSE = new BooleanValue(false);

    private final boolean value;

    private BooleanValue(boolean value) {
        this.value = value;
    }

    @Override
    public ValueKind kind() {
        return ValueKind.BOOLEAN;
    }

    @Override
    public boolean asBoolean() {
        return value;
    }

    @Override
    public String toString() {
        return Boolean.toString(value);
    }
}
