package io.tickwire.net.engineio.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Writes the header of a server-to-client WebSocket data frame (RFC 6455 section 5.2: FIN set, text or
 * binary opcode, no mask, 7-, 16- or 64-bit length) followed by the Engine.IO type digit of a text
 * packet, so that the payload can follow as a separate, shared buffer: a broadcast neither copies the
 * payload per recipient nor allocates a frame object.
 */
final class WebSocketFrameHeader {
    private static final int FIN_TEXT = 0x81;
    private static final int FIN_BINARY = 0x82;
    private static final int MAX_LENGTH_IN_7_BITS = 125;
    private static final int LENGTH_IN_16_BITS = 126;
    private static final int LENGTH_IN_64_BITS = 127;
    /** The longest header: 2 bytes, a 64-bit length and the type digit. */
    static final int MAX_BYTES = 11;

    private WebSocketFrameHeader() {
    }

    /**
     * The header of a frame carrying {@code payloadBytes} after the header: for a text packet the frame
     * also carries the type digit, written at the end of the header.
     *
     * @param typeDigit the packet's ASCII type digit for a text frame, ignored for a binary one
     * @return the header; the caller must release the result (normally by writing it)
     */
    static ByteBuf encode(ByteBufAllocator alloc, boolean binary, byte typeDigit, int payloadBytes) {
        return writeTo(alloc.directBuffer(MAX_BYTES), binary, typeDigit, payloadBytes);
    }

    /** Writes the header (and a text packet's type digit) to {@code out}; returns {@code out}. */
    static ByteBuf writeTo(ByteBuf out, boolean binary, byte typeDigit, int payloadBytes) {
        long frameLength = (long) payloadBytes + (binary ? 0 : 1);
        out.writeByte(binary ? FIN_BINARY : FIN_TEXT);
        if (frameLength <= MAX_LENGTH_IN_7_BITS) {
            out.writeByte((int) frameLength);
        } else if (frameLength <= 0xFFFF) {
            out.writeByte(LENGTH_IN_16_BITS).writeShort((int) frameLength);
        } else {
            out.writeByte(LENGTH_IN_64_BITS).writeLong(frameLength);
        }
        if (!binary) {
            out.writeByte(typeDigit);
        }
        return out;
    }
}
