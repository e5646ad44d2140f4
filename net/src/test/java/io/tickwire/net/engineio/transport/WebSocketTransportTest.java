package io.tickwire.net.engineio.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.tickwire.net.engineio.PacketType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        WebSocketTransport transport = new WebSocketTransport(recorder, ch.eventLoop(), ch);
        ch.pipeline().addLast(transport);
        return transport;
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
        assertEquals("2", frameText(ch.readOutbound()));
        assertEquals("4hi", frameText(ch.readOutbound()));
        WebSocketFrame binary = ch.readOutbound();
        assertTrue(binary instanceof BinaryWebSocketFrame);
        assertEquals("\u0007", frameText(binary));
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
        assertEquals("4State", frameText(a.readOutbound()), "the frame reads the caller's bytes, not a copy");
        assertEquals("4State", frameText(b.readOutbound()));
        assertEquals(0, payload.refCnt(), "the frames released their duplicates");
        a.finishAndReleaseAll();
        b.finishAndReleaseAll();
    }
}
