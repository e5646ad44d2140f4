package io.tickwire.engine.snapshot;

import java.util.Arrays;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.buffer.MessageBuffer;
import org.msgpack.core.buffer.MessageBufferOutput;

/**
 * A growable byte array with its own msgpack {@link MessagePacker}, reused message after message so that
 * encoding allocates nothing once the array has reached the largest message size. Usage:
 * {@code begin()}, write through {@link #packer()}, {@code finish()}, then read {@link #array()} from 0 to
 * {@link #length()}. The array is owned by this buffer and overwritten by the next {@code begin()}.
 *
 * <p>Not thread-safe: one owner thread (a match's loop thread).
 */
public final class PackBuffer implements MessageBufferOutput {
    private byte[] array;
    private MessageBuffer whole;
    private int length;
    private final MessagePacker packer;

    /** @param initialCapacityBytes starting size; the buffer doubles when a message does not fit */
    public PackBuffer(int initialCapacityBytes) {
        if (initialCapacityBytes < 16) {
            throw new IllegalArgumentException("initialCapacityBytes must be at least 16, got " + initialCapacityBytes);
        }
        array = new byte[initialCapacityBytes];
        whole = MessageBuffer.wrap(array);
        packer = MessagePack.DEFAULT_PACKER_CONFIG.withBufferFlushThreshold(Integer.MAX_VALUE).newPacker(this);
    }

    /** Starts a new message, discarding the previous one. */
    public PackBuffer begin() {
        finish();
        length = 0;
        return this;
    }

    /** The packer writing into this buffer. */
    public MessagePacker packer() {
        return packer;
    }

    /** Completes the message: afterwards {@link #array()} holds {@link #length()} valid bytes. */
    public PackBuffer finish() {
        try {
            packer.flush();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("in-memory packer cannot fail", e);
        }
        return this;
    }

    /** The backing array (valid from 0 to {@link #length()}); replaced when the buffer grows. */
    public byte[] array() {
        return array;
    }

    /** Bytes of the finished message. */
    public int length() {
        return length;
    }

    /** A copy of the finished message (allocates; for tests and tools). */
    public byte[] toByteArray() {
        return Arrays.copyOf(array, length);
    }

    /** {@link MessageBufferOutput} contract, called by the packer: the rest of the array, grown if needed. */
    @Override
    public MessageBuffer next(int minimumSize) {
        ensureCapacity(length + minimumSize);
        if (length == 0) {
            return whole;
        }
        return MessageBuffer.wrap(array, length, array.length - length);
    }

    @Override
    public void writeBuffer(int length) {
        this.length += length;
    }

    @Override
    public void write(byte[] buffer, int offset, int length) {
        ensureCapacity(this.length + length);
        System.arraycopy(buffer, offset, array, this.length, length);
        this.length += length;
    }

    @Override
    public void add(byte[] buffer, int offset, int length) {
        write(buffer, offset, length);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    private void ensureCapacity(int needed) {
        if (needed > array.length) {
            array = Arrays.copyOf(array, Math.max(needed, array.length * 2));
            whole = MessageBuffer.wrap(array);
        }
    }
}
