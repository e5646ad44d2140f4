package io.tickwire.net.match;

import io.netty.channel.EventLoop;
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
 * <p>Filled by one thread (a match's loop thread), run once on {@link #loop}; reusable after it ran
 * ({@link #isIdle()}). {@link #add} takes a use of the encoding, given back once the packet is written.
 */
public final class LoopBatch implements Runnable {
    /** The event loop the batch runs on. */
    public final EventLoop loop;
    private final AtomicLong bytesOut;
    private final AtomicLong volatileDrops;
    private final AtomicLong packetsOut;
    private Socket[] sockets = new Socket[16];
    private SharedEncoding[] encodings = new SharedEncoding[16];
    private boolean[] volatiles = new boolean[16];
    private int size;
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

    /** Queues a packet; {@code firstThisTick} when it is the connection's first, so it is flushed once. */
    public void add(Socket socket, SharedEncoding encoding, boolean volatile_, boolean firstThisTick) {
        if (size == sockets.length) {
            sockets = Arrays.copyOf(sockets, size * 2);
            encodings = Arrays.copyOf(encodings, size * 2);
            volatiles = Arrays.copyOf(volatiles, size * 2);
        }
        encoding.queued();
        sockets[size] = socket;
        encodings[size] = encoding;
        volatiles[size] = volatile_;
        size++;
        if (firstThisTick) {
            if (flushCount == toFlush.length) {
                toFlush = Arrays.copyOf(toFlush, flushCount * 2);
            }
            toFlush[flushCount++] = socket;
        }
    }

    /** Hands the batch to its event loop; the loop thread must not touch it until it is idle again. */
    public void submit() {
        idle = false;
        try {
            loop.execute(this);
        } catch (RejectedExecutionException e) {
            // the event loop is shutting down, and its connections with it: only give the buffers back
            for (int i = 0; i < size; i++) {
                encodings[i].written();
                encodings[i] = null;
                sockets[i] = null;
            }
            Arrays.fill(toFlush, 0, flushCount, null);
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
        for (int i = 0; i < size; i++) {
            long written = sockets[i].write(encodings[i].encoding(), volatiles[i]);
            if (written > 0) {
                bytes += written;
                packets++;
            } else if (written < 0) {
                drops++;
            }
            encodings[i].written();
            encodings[i] = null;
            sockets[i] = null;
        }
        for (int i = 0; i < flushCount; i++) {
            toFlush[i].flush();
            toFlush[i] = null;
        }
        size = 0;
        flushCount = 0;
        packetsOut.addAndGet(packets);
        bytesOut.addAndGet(bytes);
        volatileDrops.addAndGet(drops);
        idle = true;
    }
}
