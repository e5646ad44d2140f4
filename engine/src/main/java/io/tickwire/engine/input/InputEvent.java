package io.tickwire.engine.input;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

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
    private final UnsafeBuffer payloadView = new UnsafeBuffer(new byte[0]);

    InputEvent(int maxPayloadBytes) {
        payload = new byte[maxPayloadBytes];
    }

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

    /** A view of the payload; the same view object is rewrapped per call (no allocation). */
    public DirectBuffer payload() {
        payloadView.wrap(payload, 0, length);
        return payloadView;
    }
}
