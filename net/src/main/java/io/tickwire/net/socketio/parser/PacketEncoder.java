package io.tickwire.net.socketio.parser;

/**
 * Encodes packets for one parser kind. Implementations are thread-safe (they keep their scratch state
 * per thread) and allocate only the frames in steady state.
 */
public interface PacketEncoder {

    /**
     * Encodes {@code packet}. Payload shapes are not checked (as socket.io-parser's Encoder does not).
     *
     * @return the frames to send: the caller must release the result (see {@link EncodedPacket})
     */
    EncodedPacket encode(Packet packet);

    ParserKind kind();
}
