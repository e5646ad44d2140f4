package io.tickwire.engine.match;

import io.tickwire.engine.input.InputEvent;
import java.nio.ByteBuffer;

/**
 * One tick's inputs for one match, in arrival order, copied out of the ring into preallocated arrays.
 * Capacity is {@code maxPlayers * maxInputsPerPlayerPerTick}; nothing allocates per input. Read it only
 * during {@link Match#onTick}, on the loop thread.
 */
public final class Inputs {
    private final int[] players;
    private final long[] sequences;
    private final int[] lengths;
    private final byte[] payloads;
    private final int maxPayloadBytes;
    private final ByteBuffer[] views;
    private int size;

    Inputs(int capacity, int maxPayloadBytes) {
        players = new int[capacity];
        sequences = new long[capacity];
        lengths = new int[capacity];
        payloads = new byte[capacity * maxPayloadBytes];
        this.maxPayloadBytes = maxPayloadBytes;
        views = new ByteBuffer[capacity];
        for (int i = 0; i < capacity; i++) {
            views[i] = ByteBuffer.wrap(payloads, i * maxPayloadBytes, maxPayloadBytes).slice();
        }
    }

    /** Number of inputs this tick. */
    public int size() {
        return size;
    }

    /** The player who sent input {@code i}. */
    public int playerId(int i) {
        return players[i];
    }

    /** The client's sequence number of input {@code i} (for prediction and reconciliation). */
    public long sequence(int i) {
        return sequences[i];
    }

    /** Payload length of input {@code i}, in bytes. */
    public int payloadLength(int i) {
        return lengths[i];
    }

    /** The array holding every payload; input {@code i} starts at {@link #payloadOffset(int)}. */
    public byte[] payloadArray() {
        return payloads;
    }

    /** Where input {@code i}'s payload starts in {@link #payloadArray()}. */
    public int payloadOffset(int i) {
        return i * maxPayloadBytes;
    }

    /**
     * Input {@code i}'s payload as a big-endian buffer from position 0 to its limit, the payload length
     * (preallocated per slot and reset by each call: no allocation).
     */
    public ByteBuffer payload(int i) {
        ByteBuffer view = views[i];
        view.clear().limit(lengths[i]);
        return view;
    }

    boolean add(InputEvent event) {
        if (size == players.length) {
            return false;
        }
        players[size] = event.playerId();
        sequences[size] = event.sequence();
        lengths[size] = event.payloadLength();
        System.arraycopy(event.payloadArray(), 0, payloads, size * maxPayloadBytes, event.payloadLength());
        size++;
        return true;
    }

    void clear() {
        size = 0;
    }
}
