package io.tickwire.net.match;

import io.tickwire.net.socketio.parser.BroadcastEncoding;
import io.tickwire.net.socketio.parser.ParserKind;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link BroadcastEncoding} shared by the write batches of several event loops: encoded on the loop thread
 * for every parser kind a recipient uses before any batch runs (so the event loops only read it), and
 * released by whichever thread ends the last use. One reference is held by the creator until
 * {@link #release()}, one per queued write until {@link #written()}.
 */
public final class SharedEncoding {
    private final BroadcastEncoding encoding;
    private final AtomicInteger users = new AtomicInteger(1);

    /** Takes ownership of {@code encoding}. */
    public SharedEncoding(BroadcastEncoding encoding) {
        this.encoding = encoding;
    }

    /** The encoding, borrowed: valid while this object holds a use. */
    public BroadcastEncoding encoding() {
        return encoding;
    }

    /** Makes sure {@code kind} is encoded; the loop thread only, before the batches are submitted. */
    public void prepare(ParserKind kind) {
        encoding.forKind(kind);
    }

    void queued() {
        users.incrementAndGet();
    }

    /** One queued write is done. Any thread. */
    void written() {
        release();
    }

    /** Drops a use; the last one releases the buffers. Any thread. */
    public void release() {
        if (users.decrementAndGet() == 0) {
            encoding.release();
        }
    }
}
