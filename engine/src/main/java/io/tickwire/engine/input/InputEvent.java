package io.tickwire.engine.input;

import java.nio.ByteBuffer;

/**
 * One preallocated slot of the {@link InputRing}. Publishers fill it through the ring; the loop thread reads
 * it inside {@link InputHandler#onEvent} and must copy what it keeps: the slot is reused as soon as the
 * handler returns.
 */
public final class InputEvent {
    InputKind kind = InputKind.NONE;
    int matchKey;
    int playerId;
    long sequence;
    int code;
    int length;
    Object attachment;
    final byte[] payload;
    private final ByteBuffer payloadView;

    InputEvent(int maxPayloadBytes) {
        payload = new byte[maxPayloadBytes];
        payloadView = ByteBuffer.wrap(payload);
    }

    /** What this event carries. */
    public InputKind kind() {
        return kind;
    }

    /** The match (host-assigned key) this event is for. */
    public int matchKey() {
        return matchKey;
    }

    /** The player it concerns, as the publisher numbered players. */
    public int playerId() {
        return playerId;
    }

    /** INPUT: the client's input sequence number; ACK_RESULT: the ack token. */
    public long sequence() {
        return sequence;
    }

    /** LEAVE: reason code; ACK_RESULT: status code; CONTROL: command code. */
    public int code() {
        return code;
    }

    /** JOIN: the callback; CONTROL: the command's object; otherwise null. */
    public Object attachment() {
        return attachment;
    }

    /** Payload length in bytes. */
    public int payloadLength() {
        return length;
    }

    /** The payload array (valid from 0 to {@link #payloadLength()}), reused by the next event in this slot. */
    public byte[] payloadArray() {
        return payload;
    }

    /**
     * The payload as a big-endian buffer from position 0 to its limit, the payload length; the same buffer
     * object is reset and returned by every call (no allocation).
     */
    public ByteBuffer payload() {
        payloadView.clear().limit(length);
        return payloadView;
    }
}
