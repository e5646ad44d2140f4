package io.tickwire.net.socketio.parser;

/** Socket.IO packet types with the numbers of the protocol (v5, "Exchange protocol"). */
public enum PacketType {
    CONNECT(0),
    DISCONNECT(1),
    EVENT(2),
    ACK(3),
    CONNECT_ERROR(4),
    /** An EVENT with binary attachments (default parser only; decoded packets report {@link #EVENT}). */
    BINARY_EVENT(5),
    /** An ACK with binary attachments (default parser only; decoded packets report {@link #ACK}). */
    BINARY_ACK(6);

    private static final PacketType[] BY_NUMBER = values();

    private final int number;

    PacketType(int number) {
        this.number = number;
    }

    /** The number written on the wire. */
    public int number() {
        return number;
    }

    /** The type with that wire number, or {@code null} if there is none. */
    public static PacketType fromNumber(long number) {
        return number >= 0 && number < BY_NUMBER.length ? BY_NUMBER[(int) number] : null;
    }

    /** EVENT for BINARY_EVENT, ACK for BINARY_ACK, itself otherwise. */
    public PacketType withoutBinary() {
        return this == BINARY_EVENT ? EVENT : this == BINARY_ACK ? ACK : this;
    }
}
