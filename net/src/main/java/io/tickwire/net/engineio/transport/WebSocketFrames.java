package io.tickwire.net.engineio.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.tickwire.net.engineio.PacketType;

/**
 * Complete server-to-client WebSocket frames (RFC 6455 section 5.2, unmasked) of Engine.IO message packets,
 * concatenated in one buffer: since the server never masks, the bytes are the same for every connection
 * without compression, so a broadcast builds them once and each connection writes a retained duplicate as a
 * single buffer (one outbound-buffer entry, no frame object, no header per recipient).
 */
public final class WebSocketFrames {
    private WebSocketFrames() {
    }

    /**
     * The frames of {@code count} message packets, in order: a text message as a text frame with the
     * {@code "4"} type digit, a binary one as a binary frame.
     *
     * @param payloads borrowed (read, not retained)
     * @return the caller must release the result
     */
    public static ByteBuf ofMessages(ByteBufAllocator alloc, ByteBuf[] payloads, boolean[] binary, int count) {
        int capacity = 0;
        for (int i = 0; i < count; i++) {
            capacity += WebSocketFrameHeader.MAX_BYTES + payloads[i].readableBytes();
        }
        ByteBuf out = alloc.directBuffer(capacity);
        try {
            for (int i = 0; i < count; i++) {
                ByteBuf payload = payloads[i];
                WebSocketFrameHeader.writeTo(out, binary[i], PacketType.MESSAGE.asciiDigit(), payload.readableBytes());
                out.writeBytes(payload, payload.readerIndex(), payload.readableBytes());
            }
            ByteBuf frames = out;
            out = null;
            return frames;
        } finally {
            if (out != null) {
                out.release();
            }
        }
    }
}
