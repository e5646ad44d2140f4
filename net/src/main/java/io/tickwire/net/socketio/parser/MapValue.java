package io.tickwire.net.socketio.parser;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A map from string keys to values (a JavaScript object), in insertion order. Putting an existing key
 * again replaces its value and keeps its position, as {@code JSON.parse} does with a duplicate key.
 */
public final class MapValue implements Value {
    /** Maps up to this size are searched linearly: faster than hashing for game messages. */
    private static final int LINEAR_SEARCH_MAX = 8;
    private static final MapValue EMPTY = new MapValue(new String[0], new Value[0], 0, null);

    private final String[] keys;
    private final Value[] values;
    private final int size;
    private final HashMap<String, Integer> index;

    private MapValue(String[] keys, Value[] values, int size, HashMap<String, Integer> index) {
        this.keys = keys;
        this.values = values;
        this.size = size;
        this.index = index;
    }

    /** A builder; not thread-safe, {@link Builder#build()} once. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ValueKind kind() {
        return ValueKind.MAP;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Value get(String key) {
        int i = indexOf(keys, size, index, key);
        return i < 0 ? NULL : values[i];
    }

    @Override
    public boolean has(String key) {
        return indexOf(keys, size, index, key) >= 0;
    }

    /** The key of the {@code i}th entry in insertion order. */
    public String keyAt(int i) {
        checkIndex(i);
        return keys[i];
    }

    /** The value of the {@code i}th entry in insertion order. */
    public Value valueAt(int i) {
        checkIndex(i);
        return values[i];
    }

    @Override
    public Map<String, Value> asMap() {
        return new AbstractMap<>() {
            @Override
            public Set<Entry<String, Value>> entrySet() {
                return new AbstractSet<>() {
                    @Override
                    public Iterator<Entry<String, Value>> iterator() {
                        return new Iterator<>() {
                            private int next;

                            @Override
                            public boolean hasNext() {
                                return next < size;
                            }

                            @Override
                            public Entry<String, Value> next() {
                                if (next >= size) {
                                    throw new NoSuchElementException();
                                }
                                int i = next++;
                                return new SimpleImmutableEntry<>(keys[i], values[i]);
                            }
                        };
                    }

                    @Override
                    public int size() {
                        return size;
                    }
                };
            }

            @Override
            public Value get(Object key) {
                return key instanceof String k && has(k) ? MapValue.this.get(k) : null;
            }

            @Override
            public boolean containsKey(Object key) {
                return key instanceof String k && has(k);
            }
        };
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("entry " + i + " of a map of " + size);
        }
    }

    private static int indexOf(String[] keys, int size, HashMap<String, Integer> index, String key) {
        if (index != null) {
            Integer i = index.get(key);
            return i == null ? -1 : i;
        }
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** Equal when the same keys map to equal values, in any order (as JavaScript objects compare deeply). */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof MapValue that) || that.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            int j = indexOf(that.keys, that.size, that.index, keys[i]);
            if (j < 0 || !values[i].equals(that.values[j])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (int i = 0; i < size; i++) {
            hash += keys[i].hashCode() ^ values[i].hashCode();
        }
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < size; i++) {
            text.append(i == 0 ? "" : ", ").append('"').append(keys[i]).append("\": ").append(values[i]);
        }
        return text.append('}').toString();
    }

    /** Puts entries, then {@link #build()}s once (the arrays are handed to the map, not copied). */
    public static final class Builder {
        private String[] keys = new String[4];
        private Value[] values = new Value[4];
        private int size;
        private HashMap<String, Integer> index;

        private Builder() {
        }

        public Builder put(String key, Value value) {
            if (key == null || value == null) {
                throw new NullPointerException("map entry #" + size + " has a null key or value (use Value.NULL)");
            }
            int existing = indexOf(keys, size, index, key);
            if (existing >= 0) {
                values[existing] = value;
                return this;
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size] = value;
            if (index != null) {
                index.put(key, size);
            } else if (size == LINEAR_SEARCH_MAX) {
                index = new HashMap<>();
                for (int i = 0; i <= size; i++) {
                    index.put(keys[i], i);
                }
            }
            size++;
            return this;
        }

        public Builder put(String key, long value) {
            return put(key, Value.of(value));
        }

        public Builder put(String key, double value) {
            return put(key, Value.of(value));
        }

        public Builder put(String key, String value) {
            return put(key, Value.of(value));
        }

        public Builder put(String key, boolean value) {
            return put(key, Value.of(value));
        }

        public MapValue build() {
            if (keys == null) {
                throw new IllegalStateException("build() was already called on this builder");
            }
            MapValue built = size == 0 ? EMPTY : new MapValue(keys, values, size, index);
            keys = null;
            values = null;
            return built;
        }
    }
}
