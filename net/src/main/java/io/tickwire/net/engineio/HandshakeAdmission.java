package io.tickwire.net.engineio;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Admits or refuses a handshake: every one once {@link #refuseAll()} was called (a graceful shutdown), else by
 * {@link EngineIoOptions#maxConnections()} and
 * {@link EngineIoOptions#maxHandshakesPerIpPerSecond()}, before the (possibly costly) {@code allowRequest}
 * hook runs. The per-address counts live in one-second windows and the whole table is dropped when a
 * window ends, so it never holds more addresses than handshook within one second.
 *
 * <p>Thread-safe: handshakes arrive on every event loop. Concurrent handshakes may pass
 * {@code maxConnections} by at most one per event loop, since sessions register after this check.
 */
final class HandshakeAdmission {
    static final String SERVER_FULL = "Server full";
    static final String TOO_MANY_HANDSHAKES = "Too many handshakes";
    static final String SHUTTING_DOWN = "Server shutting down";
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final int maxConnections;
    private final int maxHandshakesPerIpPerSecond;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<InetAddress, AtomicInteger> handshakesInWindow = new ConcurrentHashMap<>();
    private volatile long windowStartNanos;
    private volatile boolean refusingAll;

    HandshakeAdmission(EngineIoOptions options, LongSupplier nanoClock) {
        this.maxConnections = options.maxConnections();
        this.maxHandshakesPerIpPerSecond = options.maxHandshakesPerIpPerSecond();
        this.nanoClock = nanoClock;
        this.windowStartNanos = nanoClock.getAsLong();
    }

    /**
     * Counts one handshake from {@code remote} while {@code openSessions} are open.
     *
     * @return {@code null} to admit it, else the message to refuse it with
     */
    String refusal(SocketAddress remote, int openSessions) {
        if (refusingAll) {
            return SHUTTING_DOWN;
        }
        if (openSessions >= maxConnections) {
            return SERVER_FULL;
        }
        if (maxHandshakesPerIpPerSecond == Integer.MAX_VALUE || !(remote instanceof InetSocketAddress inet)
                || inet.getAddress() == null) {
            return null;
        }
        rollWindow();
        int count = handshakesInWindow.computeIfAbsent(inet.getAddress(), a -> new AtomicInteger()).incrementAndGet();
        return count > maxHandshakesPerIpPerSecond ? TOO_MANY_HANDSHAKES : null;
    }

    /** Refuses every handshake from now on; any thread. */
    void refuseAll() {
        refusingAll = true;
    }

    private void rollWindow() {
        long now = nanoClock.getAsLong();
        if (now - windowStartNanos < WINDOW_NANOS) {
            return;
        }
        synchronized (this) {
            if (now - windowStartNanos >= WINDOW_NANOS) {
                handshakesInWindow.clear();
                windowStartNanos = now;
            }
        }
    }
}
