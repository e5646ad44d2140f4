package io.tickwire.net.engineio.transport;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any bytes as a polling POST body: the decoder reports packets or "malformed", never throws, never moves
 * the body's reader index, and releases every base64-decoded buffer (paranoid leak detection). Replays
 * {@code PayloadDecoderFuzzTestInputs/} in every build; fuzz with {@code ./run fuzz PayloadDecoderFuzzTest}.
 */
class PayloadDecoderFuzzTest {

    @FuzzTest
    void decodesAnyBytesWithoutThrowing(byte[] body) {
        ByteBuf payload = Unpooled.wrappedBuffer(body);
        try {
            int[] packets = {0};
            PayloadDecoder.decodePayload(payload, (type, data, binary) -> {
                assertTrue(data == null || data.isReadable() || binary, "a packet's data is null or not empty");
                packets[0]++;
                return true;
            });
            assertEquals(0, payload.readerIndex());
            assertTrue(packets[0] <= body.length, "no more packets than bytes");
        } finally {
            payload.release();
        }
    }
}
