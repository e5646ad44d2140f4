package io.tickwire.net.match;

import io.netty.channel.EventLoop;
import io.tickwire.net.socketio.SharedEncoding;
import io.tickwire.net.socketio.PreparedBroadcast;
import io.tickwire.net.socketio.Socket;

import java.util.Arrays;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The writes one tick of a match queues to the connections of one Netty event loop, run there as a single
 * task: every packet is written without flushing, then each connection is flushed once. Writing from the
 * connection's own loop avoids a cross-thread task per packet and per flush (what writing from the match's
 * loop thread would cost).
 *
 * <p>Per recipient the batch costs no allocation and no contended atomic: it takes one use of each distinct
 * {@link SharedEncoding} (not one per recipient), and when it runs one {@link PreparedBroadcast#retainedView()}
 * per encoding, whose recycled duplicates go to the connections.
 *
 * <p>Filled by one thread (a match's loop thread), run once on {@link #loop}; reusable after it ran
 * ({@link #isIdle()}). {@link #add} takes a use of the encoding (once per batch), given back when the batch ran.
 */
public final class LoopBatch implements Runnable {
    /** The event loop the batch runs on. */
    public final EventLoop loop;
    private final AtomicLong bytesOut;
    private final AtomicLong volatileDrops;
    private final AtomicLong packetsOut;
    private Socket[] sockets = new Socket[16];
    private int[] encodingOf = new int[16];
    private boolean[] volatiles = new boolean[16];
    private int size;
    private SharedEncoding[] encodings = new SharedEncoding[4];
    private PreparedBroadcast[] views = new PreparedBroadcast[4];
    private int encodingCount;
    private Socket[] toFlush = new Socket[16];
    private int flushCount;
    private volatile boolean idle = true;

    /** Counters are added to when the batch runs (on {@code loop}). */
    public LoopBatch(EventLoop loop, AtomicLong packetsOut, AtomicLong bytesOut, AtomicLong volatileDrops) {
        this.loop = loop;
        this.packetsOut = packetsOut;
        this.bytesOut = bytesOut;
        this.volatileDrops = volatileDrops;
    }

    /** Whether the batch may be filled: it has not been submitted, or it has run since. Any thread. */
    public boolean isIdle() {
        return idle;
    }

    /** Whether nothing was added since the batch last ran. The filling thread only. */
    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * Queues a packet; {@code firstThisTick} when it is the connection's first, so it is flushed once.
     * {@code encoding} must be prepared for the socket's parser kind.
     */
    public void add(Socket socket, SharedEncoding encoding, boolean volatile_, boolean firstThisTick) {
        if (size == sockets.length) {
            sockets = Arrays.copyOf(sockets, size * 2);
            encodingOf = Arrays.copyOf(encodingOf, size * 2);
            volatiles = Arrays.copyOf(volatiles, size * 2);
        }
        sockets[size] = socket;
        encodingOf[size] = indexOf(encoding);
        volatiles[size] = volatile_;
        size++;
        if (firstThisTick) {
            if (flushCount == toFlush.length) {
                toFlush = Arrays.copyOf(toFlush, flushCount * 2);
            }
            toFlush[flushCount++] = socket;
        }
    }

    /** The index of {@code encoding} among this batch's, taking a use of it when it is new here. */
    private int indexOf(SharedEncoding encoding) {
        for (int i = encodingCount - 1; i >= 0; i--) {
            if (encodings[i] == encoding) {
                return i;
            }
        }
        if (encodingCount == encodings.length) {
            encodings = Arrays.copyOf(encodings, encodingCount * 2);
            views = Arrays.copyOf(views, encodingCount * 2);
        }
        encoding.queued();
        encodings[encodingCount] = encoding;
        return encodingCount++;
    }

    /** Hands the batch to its event loop; the loop thread must not touch it until it is idle again. */
    public void submit() {
        idle = false;
        try {
            loop.execute(this);
        } catch (RejectedExecutionException e) {
            // the event loop is shutting down, and its connections with it: only give the buffers back
            Arrays.fill(sockets, 0, size, null);
            Arrays.fill(toFlush, 0, flushCount, null);
            releaseEncodings();
            size = 0;
            flushCount = 0;
            idle = true;
        }
    }

    @Override
    public void run() {
        long bytes = 0;
        int packets = 0;
        int drops = 0;
        try {
            for (int i = 0; i < encodingCount; i++) {
                views[i] = encodings[i].broadcast().retainedView();
            }
            // every packet flagged as its connection's first of the tick: one packet per connection, so each
            // write can ask for its flush instead of a second pass below
            boolean onePerConnection = size == flushCount;
            for (int i = 0; i < size; i++) {
                long written = sockets[i].write(views[encodingOf[i]], volatiles[i], onePerConnection);
                if (written > 0) {
                    bytes += written;
                    packets++;
                } else if (written < 0) {
                    drops++;
                }
                if (written <= 0 && onePerConnection) {
                    sockets[i].flush();                  // as the flush pass would have: earlier writes may wait
                }
            }
            for (int i = 0; i < flushCount && !onePerConnection; i++) {
                toFlush[i].flush();
            }
        } finally {
            for (int i = 0; i < encodingCount; i++) {
                if (views[i] != null) {
                    views[i].release();
                    views[i] = null;
                }
            }
            releaseEncodings();
            Arrays.fill(sockets, 0, size, null);
            Arrays.fill(toFlush, 0, flushCount, null);
            size = 0;
            flushCount = 0;
            packetsOut.addAndGet(packets);
            bytesOut.addAndGet(bytes);
            volatileDrops.addAndGet(drops);
            idle = true;
        }
    }

    private void releaseEncodings() {
        for (int i = 0; i < encodingCount; i++) {
            encodings[i].written();
            encodings[i] = null;
        }
        encodingCount = 0;
    }
}
