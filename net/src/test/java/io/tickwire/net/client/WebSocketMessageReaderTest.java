package io.tickwire.net.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the client's WebSocket reader makes of frames: whole messages, fragments joined, pings answered,
 * close frames and every broken stream closing the channel, each buffer released (tests run with paranoid
 * leak detection).
 */
class WebSocketMessageReaderTest {
    private static final int MAX_PAYLOAD_BYTES = 16;

    private final List<String> messages = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel(new WebSocketMessageReader(MAX_PAYLOAD_BYTES,
            new WebSocketMessageReader.Sink() {
                @Override
                public void onMessage(ByteBuf message, boolean binary) {
                    messages.add((binary ? "binary " : "text ") + message.toString(StandardCharsets.UTF_8));
                }

                @Override
                public void onFailure(String reason, Throwable cause) {
                    failures.add(cause);
                }
            }));

    @Test
    void handsOverWholeTextAndBinaryMessages() {
        channel.writeInbound(new TextWebSocketFrame("4hé"), new BinaryWebSocketFrame(bytes("abc")));
        assertEquals(List.of("text 4hé", "binary abc"), messages);
        assertTrue(channel.isOpen());
    }

    @Test
    void joinsTheFragmentsOfAMessage() {
        channel.writeInbound(new BinaryWebSocketFrame(false, 0, bytes("ab")),
                new ContinuationWebSocketFrame(false, 0, bytes("cd")), new ContinuationWebSocketFrame(true, 0, bytes("e")),
                new TextWebSocketFrame(false, 0, "4x"), new ContinuationWebSocketFrame(true, 0, bytes("y")));
        assertEquals(List.of("binary abcde", "text 4xy"), messages);
    }

    @Test
    void answersAPingWithAPongOfTheSameDataAndDropsPongs() {
        channel.writeInbound(new PingWebSocketFrame(bytes("hi")), new PongWebSocketFrame(bytes("late")));
        PongWebSocketFrame pong = channel.readOutbound();
        assertEquals("hi", pong.content().toString(StandardCharsets.UTF_8));
        pong.release();
        assertTrue(messages.isEmpty());
        assertTrue(channel.isOpen());
    }

    @Test
    void aCloseFrameClosesTheChannel() {
        channel.writeInbound(new CloseWebSocketFrame());
        assertFalse(channel.isOpen());
        assertTrue(failures.isEmpty(), "a close is no failure: the transport sees the channel close");
    }

    @Test
    void aMessageLongerThanTheLimitClosesTheChannel() {
        channel.writeInbound(new BinaryWebSocketFrame(false, 0, bytes("0123456789")),
                new ContinuationWebSocketFrame(true, 0, bytes("0123456789")));
        assertTrue(messages.isEmpty());
        assertInstanceOf(TooLongFrameException.class, failures.get(0));
        assertFalse(channel.isOpen());
    }

    @Test
    void textThatIsNotUtf8ClosesTheChannel() {
        channel.writeInbound(new TextWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {'4', (byte) 0xc3, 'x'})));
        assertTrue(messages.isEmpty());
        assertInstanceOf(CorruptedWebSocketFrameException.class, failures.get(0));
        assertFalse(channel.isOpen());
    }

    @Test
    void fragmentsOutOfOrderCloseTheChannel() {
        channel.writeInbound(new ContinuationWebSocketFrame(true, 0, bytes("x")));
        assertInstanceOf(CorruptedWebSocketFrameException.class, failures.get(0));
        assertFalse(channel.isOpen());
    }

    @Test
    void aNewMessageBeforeTheLastOnesFinalFragmentClosesTheChannel() {
        channel.writeInbound(new BinaryWebSocketFrame(false, 0, bytes("ab")), new BinaryWebSocketFrame(bytes("cd")));
        assertTrue(messages.isEmpty());
        assertInstanceOf(CorruptedWebSocketFrameException.class, failures.get(0));
        assertFalse(channel.isOpen());
    }

    @Test
    void aChannelClosedHalfwayThroughAMessageReleasesItsFragments() {
        channel.writeInbound(new BinaryWebSocketFrame(false, 0, bytes("ab")));
        channel.close();
        assertTrue(messages.isEmpty());
    }

    private static ByteBuf bytes(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }
}
