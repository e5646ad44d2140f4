package io.tickwire.engine.loop;

import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.IdleStrategy;

/**
 * The thread that owns a {@link TickLoop}: calls {@link TickLoop#doWork()} and idles between ticks until
 * {@link #close()}. An {@link Error} from a tick ends the thread and reaches its uncaught-exception handler;
 * it is never swallowed.
 */
public final class TickLoopThread implements AutoCloseable {
    private final Thread thread;
    private volatile boolean running = true;

    private TickLoopThread(TickLoop loop, IdleStrategy idle, String name) {
        this.thread = new Thread(() -> {
            while (running) {
                idle.idle(loop.doWork());
            }
        }, name);
    }

    /** Starts a thread named {@code name} running {@code loop} with {@code idle} between calls. */
    public static TickLoopThread start(TickLoop loop, IdleStrategy idle, String name) {
        TickLoopThread runner = new TickLoopThread(Objects.requireNonNull(loop, "loop"),
                Objects.requireNonNull(idle, "idle"), name);
        runner.thread.start();
        return runner;
    }

    /** The loop thread (to check identity: code that must run on it can compare with currentThread()). */
    public Thread thread() {
        return thread;
    }

    /** Stops after the current tick and waits for the thread to end. Any thread except the loop's own. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
