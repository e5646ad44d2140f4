package io.tickwire.net.socketio.parser;

/**
 * One Socket.IO packet: immutable, safe to share between threads.
 *
 * <p>Decoders report binary packets as {@link PacketType#EVENT}/{@link PacketType#ACK} with {@link
 * BytesValue}s in place; encoders choose the binary type themselves when the data holds bytes, as
 * socket.io-parser does.
 *
 * @param type      never null
 * @param namespace starts with {@code "/"}; {@code "/"} is the main namespace
 * @param ackId     the acknowledgement id, or {@link #NO_ACK}
 * @param data      the payload, or {@code null} when the packet has none (different from {@link Value#NULL})
 */
public record Packet(PacketType type, String namespace, long ackId, Value data) {
    /** The {@link #ackId} of a packet that asks for no acknowledgement. */
    public static final long NO_ACK = -1;

    /** The main namespace. */
    public static final String MAIN_NAMESPACE = "/";

    /** @throws IllegalArgumentException on a null type, a namespace not starting with "/", or an ack id below -1 */
    public Packet {
        if (type == null) {
            throw new IllegalArgumentException("packet type is null");
        }
        if (namespace == null || !namespace.startsWith("/")) {
            throw new IllegalArgumentException("namespace must start with \"/\": " + namespace);
        }
        if (ackId < NO_ACK) {
            throw new IllegalArgumentException("ackId must be >= 0 or NO_ACK: " + ackId);
        }
    }

    /** A CONNECT packet: {@code data} is the client's auth or the server's {@code {sid}}, or null. */
    public static Packet connect(String namespace, Value data) {
        return new Packet(PacketType.CONNECT, namespace, NO_ACK, data);
    }

    public static Packet disconnect(String namespace) {
        return new Packet(PacketType.DISCONNECT, namespace, NO_ACK, null);
    }

    /** An EVENT whose data is {@code [name, ...args]}; {@code ackId} may be {@link #NO_ACK}. */
    public static Packet event(String namespace, long ackId, ListValue nameAndArgs) {
        return new Packet(PacketType.EVENT, namespace, ackId, nameAndArgs);
    }

    /** An ACK answering {@code ackId} with {@code args}. */
    public static Packet ack(String namespace, long ackId, ListValue args) {
        return new Packet(PacketType.ACK, namespace, ackId, args);
    }

    /** A CONNECT_ERROR; {@code data} is {@code {message, data?}}. */
    public static Packet connectError(String namespace, Value data) {
        return new Packet(PacketType.CONNECT_ERROR, namespace, NO_ACK, data);
    }

    public boolean hasAckId() {
        return ackId != NO_ACK;
    }

    public boolean hasData() {
        return data != null;
    }
}
