package io.tickwire.net.engineio;

import io.netty.util.concurrent.ScheduledFuture;

import java.util.concurrent.TimeUnit;

/**
 * The server side of the heartbeat ("Heartbeat" in the spec): a ping {@code pingIntervalMs} after the
 * handshake and after each pong, and {@link CloseReason#PING_TIMEOUT} when no pong follows within
 * {@code pingTimeoutMs}. Like the reference server, other traffic while a pong is awaited extends the
 * wait once.
 *
 * <p>The timers are Netty scheduled tasks on the session's loop, precise to its clock (no timer
 * wheel). A pong deadline counts from when the ping was due, not from when a late timer ran, and
 * {@link #isPongOverdue()} lets the session refuse traffic that arrives after the deadline but before
 * the timer has run (a busy loop handles I/O first). One per session; used on the session's loop only.
 */
final class Heartbeat implements Runnable {
    private final EngineIoSocket socket;
    private final EngineIoOptions options;
    private ScheduledFuture<?> timer;
    private boolean awaitingPong;
    private boolean timeoutExtended;

    Heartbeat(EngineIoSocket socket, EngineIoOptions options) {
        this.socket = socket;
        this.options = options;
    }

    /** Schedules the first ping. */
    void start() {
        schedule(TimeUnit.MILLISECONDS.toNanos(options.pingIntervalMs()));
    }

    /** The timer: either the next ping is due, or the pong did not come in time. */
    @Override
    public void run() {
        if (!socket.isOpen()) {
            return;
        }
        if (awaitingPong) {
            socket.onHeartbeatTimeout();
            return;
        }
        long lateNanos = Math.max(0, -timer.getDelay(TimeUnit.NANOSECONDS));
        awaitingPong = true;
        timeoutExtended = false;
        socket.sendPing();
        if (socket.isOpen()) {
            schedule(Math.max(0, TimeUnit.MILLISECONDS.toNanos(options.pingTimeoutMs()) - lateNanos));
        }
    }

    /** A pong arrived: the next ping is due {@code pingIntervalMs} from now. */
    void onPong() {
        awaitingPong = false;
        reschedule(TimeUnit.MILLISECONDS.toNanos(options.pingIntervalMs()));
    }

    /** Another packet arrived: while a pong is awaited, the first one restarts the wait. */
    void onOtherPacket() {
        if (awaitingPong && !timeoutExtended) {
            timeoutExtended = true;
            reschedule(TimeUnit.MILLISECONDS.toNanos(options.pingTimeoutMs()));
        }
    }

    /**
     * Whether the pong deadline (when the ping was due, plus {@code pingTimeoutMs}) has passed, whether
     * or not the ping timer has run yet.
     */
    boolean isPongOverdue() {
        if (timer == null) {
            return false;
        }
        long delayNanos = timer.getDelay(TimeUnit.NANOSECONDS);
        return awaitingPong
                ? delayNanos <= 0
                : delayNanos <= -TimeUnit.MILLISECONDS.toNanos(options.pingTimeoutMs());
    }

    /** Cancels the pending timer; the session is closing. */
    void stop() {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private void reschedule(long delayNanos) {
        timer.cancel(false);
        schedule(delayNanos);
    }

    private void schedule(long delayNanos) {
        timer = socket.eventLoop().schedule(this, delayNanos, TimeUnit.NANOSECONDS);
    }
}
