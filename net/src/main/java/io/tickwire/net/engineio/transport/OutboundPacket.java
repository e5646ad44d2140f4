package io.tickwire.net.engineio.transport;

import io.netty.buffer.ByteBuf;
import io.tickwire.net.engineio.PacketType;

/**
 * A packet waiting in a polling session's buffer for the next poll request. Owns {@code data} (may be
 * {@code null} for packets without payload) until it is encoded or {@link #release() released}.
 */
public final class OutboundPacket {
    final PacketType type;
    final ByteBuf data;
    final boolean binary;

    /** Takes ownership of {@code data} (nullable). */
    public OutboundPacket(PacketType type, ByteBuf data, boolean binary) {
        this.type = type;
        this.data = data;
        this.binary = binary;
    }

    /** The packet type. */
    public PacketType type() {
        return type;
    }

    /** The payload, or {@code null}; whoever takes it over (instead of {@link #release()}) must release it. */
    public ByteBuf data() {
        return data;
    }

    /** Whether the payload is a binary message. */
    public boolean binary() {
        return binary;
    }

    /** The payload's readable bytes, 0 if none. */
    public int size() {
        return data == null ? 0 : data.readableBytes();
    }

    /** Releases the payload; call once when the packet is dropped unsent. */
    public void release() {
        if (data != null) {
            data.release();
        }
    }
}
