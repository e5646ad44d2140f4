package io.tickwire.net.match;

import io.tickwire.net.socketio.PreparedBroadcast;
import io.tickwire.net.socketio.parser.BroadcastEncoding;
import io.tickwire.net.socketio.parser.ParserKind;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A broadcast shared by the write batches of several event loops: encoded and framed on the loop thread for
 * every parser kind a recipient uses before any batch runs (so the event loops only read it), and released
 * by whichever thread ends the last use. One reference is held by the creator until {@link #release()}, one
 * per batch that queued it until {@link #written()}: a use per event loop, not per recipient, so the
 * recipients do not contend on this count.
 */
public final class SharedEncoding {
    private final PreparedBroadcast broadcast;
    private final AtomicInteger users = new AtomicInteger(1);

    /** Takes ownership of {@code encoding}. */
    public SharedEncoding(BroadcastEncoding encoding) {
        this.broadcast = new PreparedBroadcast(encoding);
    }

    /** The prepared broadcast, borrowed: valid while this object holds a use. */
    public PreparedBroadcast broadcast() {
        return broadcast;
    }

    /** Makes sure {@code kind} is encoded and framed; the loop thread only, before the batches are submitted. */
    public void prepare(ParserKind kind) {
        broadcast.prepare(kind);
    }

    void queued() {
        users.incrementAndGet();
    }

    /** One batch that queued it has run. Any thread. */
    void written() {
        release();
    }

    /** Drops a use; the last one releases the buffers. Any thread. */
    public void release() {
        if (users.decrementAndGet() == 0) {
            broadcast.release();
        }
    }
}
