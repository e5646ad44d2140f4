package io.tickwire.net.engineio.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.tickwire.net.engineio.PacketType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The polling payload format of the spec ("Packet encoding"), both ways. */
class PayloadCodecTest {

    private static ByteBuf ascii(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }

    private static String encode(OutboundPacket... packets) {
        ArrayDeque<OutboundPacket> queue = new ArrayDeque<>(List.of(packets));
        ByteBuf payload = PayloadEncoder.encode(PooledByteBufAllocator.DEFAULT, queue);
        try {
            assertTrue(queue.isEmpty(), "the encoder drains the queue");
            return payload.toString(StandardCharsets.UTF_8);
        } finally {
            payload.release();
        }
    }

    /** Decodes into "type:data" strings, binary data as hex. */
    private static List<String> decode(String payload, List<String> out) {
        ByteBuf buf = ascii(payload);
        try {
            boolean ok = PayloadDecoder.decodePayload(buf, (type, data, binary) -> {
                String text = data == null ? "" : binary ? "0x" + ByteBufUtil.hexDump(data)
                        : data.toString(StandardCharsets.UTF_8);
                out.add(type.name() + ":" + text);
                return true;
            });
            if (!ok) {
                out.add("ERROR");
            }
            return out;
        } finally {
            buf.release();
        }
    }

    @Test
    void encodesEveryPacketTypeAsItsDigit() {
        for (PacketType type : PacketType.values()) {
            assertEquals(String.valueOf(type.id()), encode(new OutboundPacket(type, null, false)));
        }
        assertEquals("4hello", encode(new OutboundPacket(PacketType.MESSAGE, ascii("hello"), false)));
        assertEquals("3probe", encode(new OutboundPacket(PacketType.PONG, ascii("probe"), false)));
    }

    @Test
    void joinsPacketsWithTheRecordSeparatorAndBase64sBinary() {
        String payload = encode(
                new OutboundPacket(PacketType.MESSAGE, ascii("hello"), false),
                new OutboundPacket(PacketType.PING, null, false),
                new OutboundPacket(PacketType.MESSAGE, Unpooled.wrappedBuffer(new byte[] {1, 2, 3, 4}), true));
        assertEquals("4hello\u001e2\u001ebAQIDBA==", payload);
    }

    @Test
    void encodesUtf8TextByteForByte() {
        assertEquals("4€ and é", encode(new OutboundPacket(PacketType.MESSAGE, ascii("€ and é"), false)));
    }

    @Test
    void decodesEveryPacketTypeAndTheSpecExample() {
        assertEquals(List.of("OPEN:", "CLOSE:", "PING:probe", "PONG:probe", "MESSAGE:hi", "UPGRADE:", "NOOP:"),
                decode("0\u001e1\u001e2probe\u001e3probe\u001e4hi\u001e5\u001e6", new ArrayList<>()));
        assertEquals(List.of("MESSAGE:hello", "MESSAGE:0x01020304"),
                decode("4hello\u001ebAQIDBA==", new ArrayList<>()));
    }

    @Test
    void deliversPacketsBeforeTheFirstMalformedOneThenReportsIt() {
        assertEquals(List.of("MESSAGE:ok", "ERROR"), decode("4ok\u001eabc\u001e4never", new ArrayList<>()));
        assertEquals(List.of("ERROR"), decode("", new ArrayList<>()));
        assertEquals(List.of("ERROR"), decode("9", new ArrayList<>()));
        assertEquals(List.of("MESSAGE:ok", "ERROR"), decode("4ok\u001e", new ArrayList<>()));
    }

    @Test
    void stopsWhenTheSinkAsksTo() {
        List<String> seen = new ArrayList<>();
        ByteBuf buf = ascii("4a\u001e1\u001e4b");
        try {
            assertTrue(PayloadDecoder.decodePayload(buf, (type, data, binary) -> {
                seen.add(type.name());
                return type != PacketType.CLOSE;
            }));
        } finally {
            buf.release();
        }
        assertEquals(List.of("MESSAGE", "CLOSE"), seen);
    }

    @Test
    void leavesTheReaderIndexOfThePayloadAlone() {
        ByteBuf buf = ascii("4a\u001e4b");
        try {
            PayloadDecoder.decodePayload(buf, (type, data, binary) -> true);
            assertEquals(0, buf.readerIndex());
            assertFalse(PayloadDecoder.decodePayload(Unpooled.EMPTY_BUFFER, (type, data, binary) -> true));
        } finally {
            buf.release();
        }
    }
}
