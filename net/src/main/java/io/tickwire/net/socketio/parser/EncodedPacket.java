package io.tickwire.net.socketio.parser;

import io.netty.buffer.ByteBuf;

/**
 * The Engine.IO messages that carry one encoded packet, in sending order: for the default parser a text
 * frame (UTF-8) followed by one binary frame per attachment; for msgpack a single binary frame.
 *
 * <p>Ownership: this object owns its frames until {@link #release()}. To send it, hand each frame on with
 * {@code frame(i).retainedDuplicate()} (the Engine.IO socket takes ownership of that), to as many
 * connections as needed (a broadcast is encoded once), then call {@link #release()} once. Not thread-safe
 * to release; the frames' duplicates may go to any thread.
 */
public final class EncodedPacket {
    private final ByteBuf[] frames;
    private final boolean firstIsText;

    /** Takes ownership of {@code frames}. */
    EncodedPacket(ByteBuf[] frames, boolean firstIsText) {
        this.frames = frames;
        this.firstIsText = firstIsText;
    }

    /** 1 plus the number of binary attachments (default parser); always 1 for msgpack. */
    public int frameCount() {
        return frames.length;
    }

    /** Frame {@code index}: borrowed, still owned by this object (use {@code retainedDuplicate()} to send it). */
    public ByteBuf frame(int index) {
        return frames[index];
    }

    /** Whether frame {@code index} must go out as an Engine.IO binary message (else text, UTF-8). */
    public boolean isBinary(int index) {
        return index > 0 || !firstIsText;
    }

    /** Releases every frame; call once, after the last {@code retainedDuplicate()}. */
    public void release() {
        for (ByteBuf frame : frames) {
            frame.release();
        }
    }

    @Override
    public String toString() {
        return "EncodedPacket(" + frames.length + " frames, " + (firstIsText ? "text" : "binary") + " first)";
    }
}
