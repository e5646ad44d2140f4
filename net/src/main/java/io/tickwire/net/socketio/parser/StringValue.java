package io.tickwire.net.socketio.parser;

/** A string. */
public final class StringValue implements Value {
    private final String value;

    StringValue(String value) {
        this.value = value;
    }

    @Override
    public ValueKind kind() {
        return ValueKind.STRING;
    }

    @Override
    public String asString() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StringValue that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return '"' + value + '"';
    }
}
