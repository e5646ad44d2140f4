package io.tickwire.net.socketio;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.tickwire.net.socketio.parser.EncodedPacket;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.Packet;
import io.tickwire.net.socketio.parser.PacketParsers;
import io.tickwire.net.socketio.parser.ParserKind;
import io.tickwire.net.socketio.parser.ParserOptions;
import io.tickwire.net.socketio.parser.Value;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A broadcast framed once per parser kind, shared by event loops through views; no buffer outlives it. */
class PreparedBroadcastTest {
    private static final PacketParsers PARSERS = new PacketParsers(ParserOptions.defaults(), ByteBufAllocator.DEFAULT);
    private static final Packet STATE = Packet.event("/game", Packet.NO_ACK,
            ListValue.builder(2).add("state").add(Value.of(new byte[] {1, 2, 3})).build());

    @Test
    void framesOnlyThePreparedKindsEachOnce() {
        PreparedBroadcast broadcast = new PreparedBroadcast(PARSERS.broadcast(STATE));
        assertNull(broadcast.webSocketFrames(ParserKind.MSGPACK));
        broadcast.prepare(ParserKind.MSGPACK);
        ByteBuf msgpack = broadcast.webSocketFrames(ParserKind.MSGPACK);
        broadcast.prepare(ParserKind.MSGPACK);
        assertEquals(msgpack, broadcast.webSocketFrames(ParserKind.MSGPACK), "prepared once");
        assertNull(broadcast.webSocketFrames(ParserKind.DEFAULT));
        EncodedPacket encoded = broadcast.encoding().forKind(ParserKind.MSGPACK);
        assertEquals(encoded.frame(0).readableBytes(), broadcast.payloadBytes(ParserKind.MSGPACK));
        assertEquals(2 + encoded.frame(0).readableBytes(), msgpack.readableBytes(), "header + payload, binary frame");
        assertEquals(0x82, msgpack.getUnsignedByte(0));
        broadcast.release();
        assertEquals(0, msgpack.refCnt());
    }

    @Test
    void framesEveryMessageOfAPacketWithAttachmentsInOneBuffer() {
        PreparedBroadcast broadcast = new PreparedBroadcast(PARSERS.broadcast(STATE));
        broadcast.prepare(ParserKind.DEFAULT);
        EncodedPacket encoded = broadcast.encoding().forKind(ParserKind.DEFAULT);
        assertEquals(2, encoded.frameCount(), "text packet with a placeholder, then the attachment");
        ByteBuf frames = broadcast.webSocketFrames(ParserKind.DEFAULT);
        int text = encoded.frame(0).readableBytes();
        assertEquals(0x81, frames.getUnsignedByte(0));
        assertEquals(text + 1, frames.getUnsignedByte(1), "the type digit counts in the length");
        assertEquals('4', frames.getByte(2));
        assertEquals(0x82, frames.getUnsignedByte(2 + 1 + text));
        assertEquals(2 + 1 + text + 2 + 3, frames.readableBytes());
        assertEquals(text + 3, broadcast.payloadBytes(ParserKind.DEFAULT));
        broadcast.release();
        assertEquals(0, frames.refCnt());
    }

    @Test
    void viewsHoldTheirOwnReferencesAndReleaseThem() {
        PreparedBroadcast broadcast = new PreparedBroadcast(PARSERS.broadcast(STATE));
        broadcast.prepare(ParserKind.MSGPACK);
        broadcast.prepare(ParserKind.DEFAULT);
        ByteBuf shared = broadcast.webSocketFrames(ParserKind.MSGPACK);
        PreparedBroadcast view = broadcast.retainedView();
        assertEquals(2, shared.refCnt(), "one reference per view, whatever it duplicates");
        ByteBuf recipient = view.webSocketFrames(ParserKind.MSGPACK).retainedDuplicate();
        assertEquals(2, shared.refCnt(), "a recipient's duplicate retains the view, not the shared frames");
        assertEquals(view.payloadBytes(ParserKind.MSGPACK), broadcast.payloadBytes(ParserKind.MSGPACK));
        assertNotNull(view.encoding());
        view.release();
        broadcast.release();
        assertEquals(1, shared.refCnt(), "a duplicate in flight keeps the bytes alive");
        recipient.release();
        assertEquals(0, shared.refCnt());
    }
}
