package io.tickwire.net.socketio.parser;

/**
 * The payload shapes a decoded packet must have, applied by both decoders: socket.io-parser's
 * {@code isPayloadValid} (an EVENT is a non-empty array whose first element is a non-reserved string or a
 * number) plus the spec's "the payload is mandatory" for EVENT, ACK and CONNECT_ERROR, which
 * socket.io-parser 4.2 lets through when the JSON part is missing, and {@link ParserOptions#maxNameLengthChars()}
 * for namespace and event names.
 */
final class PayloadRules {
    /** Event names socket.io-parser refuses on the wire: they have a meaning of their own on either side. */
    static final String[] RESERVED_EVENTS = {
        "connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener"
    };

    private PayloadRules() {
    }

    /**
     * @throws MalformedPacketException if {@code data} (null = absent) does not fit {@code type}, or the
     *                                  namespace or event name is longer than {@code maxNameLengthChars}
     */
    static void check(PacketType type, String namespace, Value data, int maxNameLengthChars) {
        if (namespace.length() > maxNameLengthChars) {
            throw new MalformedPacketException("namespace longer than maxNameLengthChars " + maxNameLengthChars);
        }
        String problem = problem(type.withoutBinary(), data);
        if (problem != null) {
            throw new MalformedPacketException("invalid payload: " + type + " " + problem);
        }
        if (type.withoutBinary() == PacketType.EVENT && data.get(0).isString()
                && data.get(0).asString().length() > maxNameLengthChars) {
            throw new MalformedPacketException("event name longer than maxNameLengthChars " + maxNameLengthChars);
        }
    }

    private static String problem(PacketType type, Value data) {
        switch (type) {
            case CONNECT:
                return data == null || data.isMap() ? null : "data must be an object or absent";
            case DISCONNECT:
                return data == null ? null : "must not carry data";
            case CONNECT_ERROR:
                return data != null && (data.isString() || data.isMap()) ? null : "data must be an object or a string";
            case ACK:
                return data != null && data.isList() ? null : "data must be an array";
            case EVENT:
                if (data == null || !data.isList() || data.size() == 0) {
                    return "data must be a non-empty array";
                }
                Value name = data.get(0);
                if (name.isNumber()) {
                    return null;
                }
                if (!name.isString()) {
                    return "event name must be a string or a number";
                }
                return isReserved(name.asString()) ? "uses the reserved event name \"" + name.asString() + '"' : null;
            default:
                throw new AssertionError(type);
        }
    }

    private static boolean isReserved(String event) {
        for (String reserved : RESERVED_EVENTS) {
            if (reserved.equals(event)) {
                return true;
            }
        }
        return false;
    }
}
