package io.tickwire.net.socketio.parser;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.tickwire.net.socketio.parser.NpmParsers.Frame;

import java.util.ArrayList;
import java.util.List;

/** Moves frames between our encoders/decoders and plain byte arrays. */
final class Frames {
    private Frames() {
    }

    /** Copies the frames out and releases {@code encoded}. */
    static List<Frame> of(EncodedPacket encoded) {
        try {
            List<Frame> frames = new ArrayList<>();
            for (int i = 0; i < encoded.frameCount(); i++) {
                frames.add(new Frame(encoded.isBinary(i), ByteBufUtil.getBytes(encoded.frame(i))));
            }
            return frames;
        } finally {
            encoded.release();
        }
    }

    /** A decoder or a codec: anything that takes one borrowed message. */
    interface Decode {
        Packet decode(ByteBuf message, boolean binary);
    }

    static List<Packet> decode(PacketDecoder decoder, List<Frame> frames) {
        return decode((Decode) decoder::decode, frames);
    }

    static Packet decodeOne(PacketDecoder decoder, byte[] bytes, boolean binary) {
        return decodeOne((Decode) decoder::decode, bytes, binary);
    }

    static Packet decodeText(PacketDecoder decoder, String text) {
        return decodeText((Decode) decoder::decode, text);
    }

    /** Feeds every frame to {@code decoder}; returns the packets it completed. */
    static List<Packet> decode(Decode decoder, List<Frame> frames) {
        List<Packet> packets = new ArrayList<>();
        for (Frame frame : frames) {
            Packet packet = decodeOne(decoder, frame.bytes(), frame.binary());
            if (packet != null) {
                packets.add(packet);
            }
        }
        return packets;
    }

    /** Decodes from a direct buffer (as Netty delivers), released afterwards. */
    static Packet decodeOne(Decode decoder, byte[] bytes, boolean binary) {
        ByteBuf message = Unpooled.directBuffer(Math.max(1, bytes.length)).writeBytes(bytes);
        try {
            return decoder.decode(message, binary);
        } finally {
            message.release();
        }
    }

    static Packet decodeText(Decode decoder, String text) {
        return decodeOne(decoder, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
    }
}
