package io.tickwire.net.match;

import java.util.concurrent.ScheduledFuture;
import io.tickwire.engine.match.MatchHandle;
import io.tickwire.net.socketio.Ack;
import io.tickwire.net.socketio.Socket;
import io.tickwire.net.socketio.TokenBucket;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One player's place in one match, which outlives its connection for the reconnection grace period.
 *
 * <p>Threading, field by field: {@link #socket}, {@link #ackedTick} and {@link #needsFullState} are volatile
 * (written on a connection's event loop, read by the loop thread); {@link #lastInputSequence} belongs to the
 * loop thread; the rate-limit fields belong to the event loop of the current connection; the reconnection
 * timer is guarded by the seat's monitor.
 */
final class Seat {
    final int playerId;
    final String token;
    final MatchHandle match;
    final GameMode mode;
    final String room;
    final ConcurrentHashMap<Long, Ack> pendingActions = new ConcurrentHashMap<>();
    private final AtomicLong nextActionId = new AtomicLong();

    volatile Socket socket;
    volatile long ackedTick = -1;
    volatile boolean needsFullState = true;
    volatile boolean seated;
    volatile boolean gone;

    long lastInputSequence = -1;
    long flushEpoch;

    TokenBucket bucket;
    int dropsInWindow;
    long windowStartNanos;

    private ScheduledFuture<?> graceTimer;

    Seat(int playerId, String token, MatchHandle match, GameMode mode) {
        this.playerId = playerId;
        this.token = token;
        this.match = match;
        this.mode = mode;
        this.room = GameServer.roomOf(match.id());
    }

    /** The input sequence of this player's next action (negative, see {@link MatchActions}). */
    long nextActionSequence() {
        return MatchActions.actionSequence(nextActionId.getAndIncrement());
    }

    synchronized void graceTimer(ScheduledFuture<?> timer) {
        cancelGraceTimer();
        graceTimer = timer;
    }

    synchronized void cancelGraceTimer() {
        if (graceTimer != null) {
            graceTimer.cancel(false);
            graceTimer = null;
        }
    }

    @Override
    public String toString() {
        return "Seat(player " + playerId + " in " + match.id() + ")";
    }
}
