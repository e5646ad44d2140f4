package io.tickwire.net.socketio.parser;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Converts plain Java objects into {@link Value}s, for {@link Value#from(Object)}. */
final class JavaValues {
    private JavaValues() {
    }

    static Value toValue(Object java) {
        if (java == null) {
            return Value.NULL;
        }
        if (java instanceof Value value) {
            return value;
        }
        if (java instanceof Boolean b) {
            return Value.of(b);
        }
        if (java instanceof Long || java instanceof Integer || java instanceof Short || java instanceof Byte) {
            return Value.of(((Number) java).longValue());
        }
        if (java instanceof BigInteger big && big.bitLength() < 64) {
            return Value.of(big.longValue());
        }
        if (java instanceof BigDecimal || java instanceof BigInteger || java instanceof Double || java instanceof Float) {
            return Value.of(((Number) java).doubleValue());
        }
        if (java instanceof CharSequence text) {
            return Value.of(text.toString());
        }
        if (java instanceof byte[] bytes) {
            return Value.of(bytes);
        }
        if (java instanceof List<?> list) {
            ListValue.Builder builder = ListValue.builder(list.size());
            for (Object item : list) {
                builder.add(toValue(item));
            }
            return builder.build();
        }
        if (java instanceof Object[] array) {
            return toValue(Arrays.asList(array));
        }
        if (java instanceof Map<?, ?> map) {
            MapValue.Builder builder = MapValue.builder();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("map key is not a String: " + entry.getKey());
                }
                builder.put(key, toValue(entry.getValue()));
            }
            return builder.build();
        }
        throw new IllegalArgumentException("cannot convert " + java.getClass().getName() + " to a Socket.IO value");
    }
}
