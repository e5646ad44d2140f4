package io.tickwire.net.socketio.parser;

/**
 * Puts binary attachments back where the default parser left {@code {"_placeholder":true,"num":n}},
 * as socket.io-parser's {@code reconstructPacket} does: at any depth, any object whose {@code
 * _placeholder} is {@code true} is replaced by attachment {@code num}. Only containers on the way to a
 * placeholder are rebuilt.
 */
final class Placeholders {
    private Placeholders() {
    }

    /** @throws MalformedPacketException ("illegal attachments") for a num that is not an attachment index */
    static Value reconstruct(Value value, byte[][] attachments) {
        if (value == null) {
            return null;
        }
        switch (value.kind()) {
            case MAP: {
                MapValue map = (MapValue) value;
                Value flag = map.get("_placeholder");
                if (flag.isBoolean() && flag.asBoolean()) {
                    return attachment(map.get("num"), attachments);
                }
                MapValue.Builder rebuilt = null;
                for (int i = 0, n = map.size(); i < n; i++) {
                    Value item = map.valueAt(i);
                    Value replaced = reconstruct(item, attachments);
                    if (replaced != item && rebuilt == null) {
                        rebuilt = MapValue.builder();
                        for (int k = 0; k < i; k++) {
                            rebuilt.put(map.keyAt(k), map.valueAt(k));
                        }
                    }
                    if (rebuilt != null) {
                        rebuilt.put(map.keyAt(i), replaced);
                    }
                }
                return rebuilt == null ? map : rebuilt.build();
            }
            case LIST: {
                Value[] items = null;
                for (int i = 0, n = value.size(); i < n; i++) {
                    Value item = value.get(i);
                    Value replaced = reconstruct(item, attachments);
                    if (replaced != item && items == null) {
                        items = value.asList().toArray(new Value[0]);
                    }
                    if (items != null) {
                        items[i] = replaced;
                    }
                }
                return items == null ? value : ListValue.wrap(items);
            }
            default:
                return value;
        }
    }

    private static Value attachment(Value num, byte[][] attachments) {
        if (!num.isNumber() || num.asDouble() != Math.rint(num.asDouble())
                || num.asDouble() < 0 || num.asDouble() >= attachments.length) {
            throw new MalformedPacketException("illegal attachments: placeholder num " + num
                    + " with " + attachments.length + " attachment(s)");
        }
        return new BytesValue(attachments[(int) num.asDouble()]);
    }
}
