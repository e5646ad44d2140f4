package io.tickwire.net.socketio.parser;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** An ordered list of values (a JavaScript array). */
public final class ListValue implements Value {
    private static final Value[] NO_VALUES = new Value[0];
    private static final ListValue EMPTY = new ListValue(NO_VALUES);

    private final Value[] items;

    /** Takes the array: callers inside the package hand over a freshly built array. */
    private ListValue(Value[] items) {
        this.items = items;
    }

    static ListValue wrap(Value[] items) {
        return items.length == 0 ? EMPTY : new ListValue(items);
    }

    static ListValue copyOf(Value[] items) {
        for (int i = 0; i < items.length; i++) {
            if (items[i] == null) {
                throw new NullPointerException("list item #" + i + " is null (use Value.NULL)");
            }
        }
        return wrap(items.clone());
    }

    /** A builder for a list of about {@code expectedSize} items. Not thread-safe. */
    public static Builder builder(int expectedSize) {
        return new Builder(expectedSize);
    }

    public static Builder builder() {
        return new Builder(8);
    }

    /** The empty list. */
    public static ListValue empty() {
        return EMPTY;
    }

    /** The elements from {@code from} to the end, e.g. an event's arguments without its name. */
    public ListValue slice(int from) {
        if (from == 0) {
            return this;
        }
        return wrap(Arrays.copyOfRange(items, Math.min(from, items.length), items.length));
    }

    @Override
    public ValueKind kind() {
        return ValueKind.LIST;
    }

    @Override
    public int size() {
        return items.length;
    }

    @Override
    public Value get(int index) {
        return items[index];
    }

    @Override
    public List<Value> asList() {
        return Collections.unmodifiableList(Arrays.asList(items));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ListValue that && Arrays.equals(items, that.items);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(items);
    }

    @Override
    public String toString() {
        return Arrays.toString(items);
    }

    /** Appends values, then {@link #build()}s once. */
    public static final class Builder {
        private Value[] items;
        private int size;

        private Builder(int expectedSize) {
            items = expectedSize == 0 ? NO_VALUES : new Value[expectedSize];
        }

        public Builder add(Value value) {
            if (value == null) {
                throw new NullPointerException("list item #" + size + " is null (use Value.NULL)");
            }
            if (size == items.length) {
                items = Arrays.copyOf(items, Math.max(4, size * 2));
            }
            items[size++] = value;
            return this;
        }

        public Builder add(long value) {
            return add(Value.of(value));
        }

        public Builder add(double value) {
            return add(Value.of(value));
        }

        public Builder add(String value) {
            return add(Value.of(value));
        }

        public Builder add(boolean value) {
            return add(Value.of(value));
        }

        public ListValue build() {
            if (items == null) {
                throw new IllegalStateException("build() was already called on this builder");
            }
            Value[] built = size == items.length ? items : Arrays.copyOf(items, size);
            items = null;
            return wrap(built);
        }
    }
}
