package io.tickwire.net.engineio.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.base64.Base64;

import java.util.Queue;

/**
 * Encodes the packets of one polling response ("Packet encoding", HTTP long-polling): each packet is its
 * type digit and UTF-8 data, or {@code b} and standard padded base64 for binary, joined by {@code \x1e}.
 */
public final class PayloadEncoder {
    private PayloadEncoder() {
    }

    /**
     * Drains {@code packets} into one payload, releasing each packet's data.
     *
     * @return the payload; the caller must release the result
     */
    public static ByteBuf encode(ByteBufAllocator alloc, Queue<OutboundPacket> packets) {
        int estimate = 0;
        for (OutboundPacket p : packets) {
            estimate += 2 + (p.binary ? (p.size() + 2) / 3 * 4 + 1 : p.size());
        }
        ByteBuf out = alloc.buffer(estimate);
        try {
            boolean first = true;
            OutboundPacket p;
            while ((p = packets.poll()) != null) {
                try {
                    if (!first) {
                        out.writeByte(PayloadDecoder.SEPARATOR);
                    }
                    first = false;
                    writePacket(out, p);
                } finally {
                    p.release();
                }
            }
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    private static void writePacket(ByteBuf out, OutboundPacket p) {
        if (p.binary) {
            out.writeByte('b');
            ByteBuf base64 = Base64.encode(p.data, p.data.readerIndex(), p.data.readableBytes(), false);
            try {
                out.writeBytes(base64);
            } finally {
                base64.release();
            }
        } else {
            out.writeByte(p.type.asciiDigit());
            if (p.data != null) {
                out.writeBytes(p.data, p.data.readerIndex(), p.data.readableBytes());
            }
        }
    }
}
