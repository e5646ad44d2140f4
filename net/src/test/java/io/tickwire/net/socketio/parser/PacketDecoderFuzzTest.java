package io.tickwire.net.socketio.parser;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;

/**
 * Both Socket.IO parsers fed any sequence of text and binary messages, as one connection would: each
 * message decodes to a packet, waits for attachments, or throws {@link MalformedPacketException} (after
 * which the decoder stays corrupt); nothing else may escape. Every decoded packet must encode again.
 * Small limits (depth 8, 4 attachments) let the fuzzer reach them. Replays
 * {@code PacketDecoderFuzzTestInputs/<method>/} in every build; fuzz with
 * {@code ./run fuzz PacketDecoderFuzzTest#defaultParser} (or {@code #msgpackParser}).
 */
class PacketDecoderFuzzTest {
    private static final PacketParsers PARSERS = new PacketParsers(ParserOptions.builder()
            .maxNestingDepth(8).maxAttachments(4).maxStringLengthChars(1000).maxNameLengthChars(32).build(),
            ByteBufAllocator.DEFAULT);

    @FuzzTest
    void defaultParser(FuzzedDataProvider data) {
        feed(PARSERS.newDecoder(ParserKind.DEFAULT), ParserKind.DEFAULT, data);
    }

    @FuzzTest
    void msgpackParser(FuzzedDataProvider data) {
        feed(PARSERS.newDecoder(ParserKind.MSGPACK), ParserKind.MSGPACK, data);
    }

    private static void feed(PacketDecoder decoder, ParserKind kind, FuzzedDataProvider data) {
        boolean corrupt = false;
        while (data.remainingBytes() > 0) {
            boolean binary = data.consumeBoolean();
            ByteBuf message = Unpooled.wrappedBuffer(data.consumeBytes(data.consumeInt(0, 4096)));
            try {
                Packet packet = decoder.decode(message, binary);
                if (corrupt) {
                    throw new AssertionError("a corrupt decoder decoded a message");
                }
                if (packet != null) {
                    PARSERS.encode(packet, kind).release();
                }
            } catch (MalformedPacketException expected) {
                corrupt = true;
            } finally {
                message.release();
            }
        }
    }
}
