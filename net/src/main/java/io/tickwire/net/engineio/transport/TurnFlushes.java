package io.tickwire.net.engineio.transport;

import io.netty.channel.EventLoop;
import io.netty.channel.SingleThreadIoEventLoop;
import io.netty.util.concurrent.FastThreadLocal;

import java.util.Arrays;
import java.util.concurrent.RejectedExecutionException;

/**
 * The WebSockets of one event loop written to during the loop's current turn, flushed once each when the turn
 * ends (after its reads and its tasks): a connection that gets several broadcasts in one turn (the inputs of
 * several players of its room read in the same turn) costs one {@code writev} for all of them, not one each.
 *
 * <p>Threading: one instance per event loop thread, used on that thread only.
 */
final class TurnFlushes implements Runnable {
    private static final FastThreadLocal<TurnFlushes> OF_LOOP_THREAD = new FastThreadLocal<>() {
        @Override
        protected TurnFlushes initialValue() {
            return new TurnFlushes();
        }
    };

    private WebSocketTransport[] pending = new WebSocketTransport[16];
    private int size;
    private boolean scheduled;

    /**
     * Flushes {@code transport} at the end of the turn of {@code loop}, the calling thread, once however often
     * it is asked in this turn. The transport must not be queued already ({@link WebSocketTransport} keeps the
     * flag).
     */
    static void flushAtEndOfTurn(EventLoop loop, WebSocketTransport transport) {
        TurnFlushes flushes = OF_LOOP_THREAD.get();
        if (flushes.size == flushes.pending.length) {
            flushes.pending = Arrays.copyOf(flushes.pending, flushes.size * 2);
        }
        flushes.pending[flushes.size++] = transport;
        if (!flushes.scheduled) {
            flushes.scheduled = true;
            try {
                if (loop instanceof SingleThreadIoEventLoop io) {
                    io.executeAfterEventLoopIteration(flushes);     // run once its I/O and its tasks are done
                } else {
                    loop.execute(flushes);                          // a loop without I/O runs no tail tasks
                }
            } catch (RejectedExecutionException e) {
                flushes.run();                              // the loop is shutting down: flush now
            }
        }
    }

    @Override
    public void run() {
        scheduled = false;
        int count = size;
        size = 0;
        for (int i = 0; i < count; i++) {
            WebSocketTransport transport = pending[i];
            pending[i] = null;
            transport.flushDeferred();
        }
    }
}
