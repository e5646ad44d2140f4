package io.tickwire.net.engineio.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.tickwire.net.engineio.PacketType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One Engine.IO packet per WebSocket frame, both ways, on an {@link EmbeddedChannel}. */
class WebSocketTransportTest {
    private final List<String> events = new ArrayList<>();

    private final TransportEvents recorder = new TransportEvents() {
        @Override
        public void onPacket(Transport source, PacketType type, ByteBuf data, boolean binary) {
            events.add(type + (binary ? " binary " : " ") + (data == null ? "" : data.toString(StandardCharsets.ISO_8859_1)));
        }

        @Override
        public void onParseError(Transport source) {
            events.add("parse error");
        }

        @Override
        public void onTransportError(Transport source, String description) {
            events.add("transport error");
        }

        @Override
        public void onTransportClose(Transport source) {
            events.add("transport close");
        }

        @Override
        public void onWritable(Transport source) {
            events.add("writable");
        }
    };

    private WebSocketTransport transportOn(EmbeddedChannel ch) {
        return transportOn(ch, false);
    }

    private WebSocketTransport transportOn(EmbeddedChannel ch, boolean perMessageDeflate) {
        WebSocketTransport transport = new WebSocketTransport(recorder, ch.eventLoop(), ch, perMessageDeflate);
        ch.pipeline().addLast(transport);
        return transport;
    }

    /** What a client reads: every byte written to {@code ch}, parsed by Netty's own frame decoder. */
    private static List<WebSocketFrame> framesWritten(EmbeddedChannel ch) {
        EmbeddedChannel client = new EmbeddedChannel(new WebSocket13FrameDecoder(WebSocketDecoderConfig.newBuilder()
                .expectMaskedFrames(false).maxFramePayloadLength(1 << 20).build()));
        Object written;
        while ((written = ch.readOutbound()) != null) {
            client.writeInbound(written);
        }
        List<WebSocketFrame> frames = new ArrayList<>();
        WebSocketFrame frame;
        while ((frame = client.readInbound()) != null) {
            frames.add(frame);
        }
        client.finishAndReleaseAll();
        return frames;
    }

    private static String frameText(WebSocketFrame frame) {
        try {
            return frame.content().toString(StandardCharsets.ISO_8859_1);
        } finally {
            frame.release();
        }
    }

    @Test
    void decodesTextFramesAsPacketsAndBinaryFramesAsBinaryMessages() {
        EmbeddedChannel ch = new EmbeddedChannel();
        transportOn(ch);
        ch.writeInbound(new TextWebSocketFrame("4hello"));
        ch.writeInbound(new TextWebSocketFrame("3"));
        ch.writeInbound(new TextWebSocketFrame("2probe"));
        ch.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1, 2})));
        ch.writeInbound(new TextWebSocketFrame("bAQI="));
        assertEquals(List.of("MESSAGE hello", "PONG ", "PING probe", "MESSAGE binary \u0001\u0002",
                "MESSAGE binary \u0001\u0002"), events);
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void reportsAParseErrorForATextFrameThatIsNoPacket() {
        EmbeddedChannel ch = new EmbeddedChannel();
        transportOn(ch);
        ch.writeInbound(new TextWebSocketFrame("abc"));
        assertEquals(List.of("parse error"), events);
        ch.finishAndReleaseAll();
    }

    @Test
    void reportsTransportCloseOnceWhenTheConnectionEnds() {
        EmbeddedChannel ch = new EmbeddedChannel();
        transportOn(ch);
        ch.close();
        assertEquals(List.of("transport close"), events);
    }

    @Test
    void encodesOnePacketPerFrame() {
        EmbeddedChannel ch = new EmbeddedChannel();
        WebSocketTransport transport = transportOn(ch);
        transport.write(PacketType.PING, null, false, false);
        transport.write(PacketType.MESSAGE, Unpooled.copiedBuffer("hi", StandardCharsets.UTF_8), false, false);
        transport.write(PacketType.MESSAGE, Unpooled.wrappedBuffer(new byte[] {7}), true, true);
        List<WebSocketFrame> frames = framesWritten(ch);
        assertEquals(3, frames.size());
        assertTrue(frames.get(0) instanceof TextWebSocketFrame && frames.get(0).isFinalFragment());
        assertEquals("2", frameText(frames.get(0)));
        assertEquals("4hi", frameText(frames.get(1)));
        assertTrue(frames.get(2) instanceof BinaryWebSocketFrame);
        assertEquals("\u0007", frameText(frames.get(2)));
        ch.finishAndReleaseAll();
    }

    @Test
    void encodesFrameLengthsInSevenSixteenAndSixtyFourBits() {
        EmbeddedChannel ch = new EmbeddedChannel();
        WebSocketTransport transport = transportOn(ch);
        int[] payloadSizes = {124, 125, 65_534, 65_535, 70_000};
        for (int size : payloadSizes) {
            transport.write(PacketType.MESSAGE, Unpooled.wrappedBuffer(new byte[size]), false, true);
            transport.write(PacketType.MESSAGE, Unpooled.wrappedBuffer(new byte[size]), true, true);
        }
        List<WebSocketFrame> frames = framesWritten(ch);
        assertEquals(payloadSizes.length * 2, frames.size());
        for (int i = 0; i < payloadSizes.length; i++) {
            assertEquals(payloadSizes[i] + 1, frames.get(2 * i).content().readableBytes(), "text frame " + i);
            assertEquals(payloadSizes[i], frames.get(2 * i + 1).content().readableBytes(), "binary frame " + i);
        }
        frames.forEach(WebSocketFrame::release);
        ch.finishAndReleaseAll();
    }

    @Test
    void writesFrameObjectsWhenPerMessageDeflateMayCompressThem() {
        EmbeddedChannel ch = new EmbeddedChannel();
        transportOn(ch, true).write(PacketType.MESSAGE, Unpooled.copiedBuffer("hi", StandardCharsets.UTF_8), false, true);
        Object written = ch.readOutbound();
        assertTrue(written instanceof TextWebSocketFrame, String.valueOf(written));
        assertEquals("4hi", frameText((WebSocketFrame) written));
        ch.finishAndReleaseAll();
    }

    @Test
    void broadcastSharesThePayloadInsteadOfCopyingIt() {
        EmbeddedChannel a = new EmbeddedChannel();
        EmbeddedChannel b = new EmbeddedChannel();
        ByteBuf payload = Unpooled.directBuffer().writeBytes("state".getBytes(StandardCharsets.UTF_8));
        transportOn(a).write(PacketType.MESSAGE, payload.retainedDuplicate(), false, true);
        transportOn(b).write(PacketType.MESSAGE, payload.retainedDuplicate(), false, true);
        payload.setByte(0, 'S');
        payload.release();
        assertEquals("4State", frameText(framesWritten(a).get(0)), "the frame carries the caller's bytes, not a copy");
        assertEquals("4State", frameText(framesWritten(b).get(0)));
        assertEquals(0, payload.refCnt(), "the writes released their duplicates");
        a.finishAndReleaseAll();
        b.finishAndReleaseAll();
    }

    @Test
    void writesPreparedFramesThatAClientReadsAsOneFramePerMessage() {
        ByteBuf[] payloads = {Unpooled.copiedBuffer("hi", StandardCharsets.UTF_8), Unpooled.wrappedBuffer(new byte[] {7}),
                Unpooled.wrappedBuffer(new byte[125]), Unpooled.wrappedBuffer(new byte[65_535]),
                Unpooled.wrappedBuffer(new byte[70_000])};
        boolean[] binary = {false, true, false, true, false};
        ByteBuf frames = WebSocketFrames.ofMessages(ByteBufAllocator.DEFAULT, payloads, binary, payloads.length);
        EmbeddedChannel a = new EmbeddedChannel();
        EmbeddedChannel b = new EmbeddedChannel();
        WebSocketTransport first = transportOn(a);
        assertTrue(first.sendsRawFrames());
        first.writeFrames(frames.retainedDuplicate(), false);
        transportOn(b).writeFrames(frames.retainedDuplicate(), false);
        a.flush();
        b.flush();
        frames.release();
        for (EmbeddedChannel ch : List.of(a, b)) {
            List<WebSocketFrame> read = framesWritten(ch);
            assertEquals(payloads.length, read.size());
            assertEquals("4hi", frameText(read.get(0)));
            assertTrue(read.get(1) instanceof BinaryWebSocketFrame);
            assertEquals("\u0007", frameText(read.get(1)));
            assertEquals(126, read.get(2).content().readableBytes(), "7-bit length");
            assertEquals(65_535, read.get(3).content().readableBytes(), "16-bit length");
            assertEquals(70_001, read.get(4).content().readableBytes(), "64-bit length");
            read.subList(2, read.size()).forEach(WebSocketFrame::release);
            ch.finishAndReleaseAll();
        }
        assertEquals(0, frames.refCnt(), "both writes released their duplicates");
        for (ByteBuf p : payloads) {
            assertEquals(1, p.refCnt(), "the payloads are borrowed, not released");
            p.release();
        }
    }

    @Test
    void preparedFramesCannotBeWrittenWhenPerMessageDeflateMayCompress() {
        EmbeddedChannel ch = new EmbeddedChannel();
        assertFalse(transportOn(ch, true).sendsRawFrames());
        ch.finishAndReleaseAll();
    }

    @Test
    void preparedFramesWrittenWithFlushLeaveAtOnce() {
        ByteBuf[] payloads = {Unpooled.copiedBuffer("hi", StandardCharsets.UTF_8)};
        ByteBuf frames = WebSocketFrames.ofMessages(ByteBufAllocator.DEFAULT, payloads, new boolean[] {false}, 1);
        EmbeddedChannel ch = new EmbeddedChannel();
        WebSocketTransport transport = transportOn(ch);
        transport.writeFrames(frames.retainedDuplicate(), false);
        assertNull(ch.readOutbound(), "a write without flush waits");
        transport.writeFrames(frames, true);
        List<WebSocketFrame> read = framesWritten(ch);
        assertEquals(List.of("4hi", "4hi"), List.of(frameText(read.get(0)), frameText(read.get(1))));
        payloads[0].release();
        ch.finishAndReleaseAll();
    }
}
