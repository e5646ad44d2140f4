package io.tickwire.net.engineio.transport;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.base64.Base64;
import io.tickwire.net.engineio.PacketType;

/**
 * Decodes the body of a polling POST ("Packet encoding", HTTP long-polling): packets separated by
 * {@code \x1e}, each a type digit and its data, or {@code b} and base64 for binary. The same rule decodes
 * one WebSocket text frame (a payload of one packet). Stateless.
 */
public final class PayloadDecoder {
    /** The record separator between packets of a payload. */
    public static final byte SEPARATOR = 0x1e;

    /** Receives decoded packets. */
    @FunctionalInterface
    public interface PacketSink {
        /**
         * One packet; {@code data} is borrowed (does not retain) and {@code null} when the packet has none.
         *
         * @return false to stop decoding the rest of the payload
         */
        boolean onPacket(PacketType type, ByteBuf data, boolean binary);
    }

    private PayloadDecoder() {
    }

    /**
     * Decodes every packet of {@code payload} in order, stopping at the first malformed one (the
     * packets before it are delivered, as the reference parser does).
     *
     * @param payload borrowed (does not retain); its reader index is not moved
     * @return false if a malformed packet was found
     */
    public static boolean decodePayload(ByteBuf payload, PacketSink sink) {
        int start = payload.readerIndex();
        int end = payload.writerIndex();
        while (true) {
            int sep = payload.indexOf(start, end, SEPARATOR);
            int packetEnd = sep < 0 ? end : sep;
            Boolean more = decodePacket(payload, start, packetEnd - start, sink);
            if (more == null) {
                return false;
            }
            if (!more || sep < 0) {
                return true;
            }
            start = sep + 1;
        }
    }

    /**
     * Decodes one packet at {@code [offset, offset + length)} of {@code buf} (borrowed).
     *
     * @return {@code null} if malformed, else what the sink returned
     */
    public static Boolean decodePacket(ByteBuf buf, int offset, int length, PacketSink sink) {
        if (length == 0) {
            return null;
        }
        byte first = buf.getByte(offset);
        if (first == 'b') {
            ByteBuf binary;
            try {
                binary = Base64.decode(buf, offset + 1, length - 1);
            } catch (IllegalArgumentException e) {
                return null;
            }
            try {
                return sink.onPacket(PacketType.MESSAGE, binary, true);
            } finally {
                binary.release();
            }
        }
        PacketType type = PacketType.fromAsciiDigit(first);
        if (type == null) {
            return null;
        }
        ByteBuf data = length > 1 ? buf.slice(offset + 1, length - 1) : null;
        return sink.onPacket(type, data, false);
    }
}
