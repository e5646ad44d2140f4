package io.tickwire.net.engineio;

/**
 * The Engine.IO v4 packet types with the spec's numbers ("Protocol" section). The number is the first
 * character of every encoded packet, written as an ASCII digit.
 */
public enum PacketType {
    OPEN,
    CLOSE,
    PING,
    PONG,
    MESSAGE,
    UPGRADE,
    NOOP;

    private static final PacketType[] BY_ID = values();

    /** The spec's number of this type, 0 to 6. */
    public int id() {
        return ordinal();
    }

    /** The ASCII character that encodes this type ('0' to '6'). */
    public byte asciiDigit() {
        return (byte) ('0' + ordinal());
    }

    /** The type whose ASCII digit is {@code c}, or {@code null} if {@code c} encodes no packet type. */
    public static PacketType fromAsciiDigit(int c) {
        int id = c - '0';
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }
}
