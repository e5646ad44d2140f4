package io.tickwire.net.match;

/**
 * Observability hook: told at the end of every tick of every hosted match what it sent. Called on the
 * match's loop thread: record into preallocated counters and return; never block. Per-loop tick timing is in
 * {@code MatchRegistry.loopStats(loop)} ({@link GameServer#matches()}).
 */
@FunctionalInterface
public interface MatchObserver {
    /** Ignores every report. */
    MatchObserver NONE = report -> {
    };

    void onTickEnd(TickReport report);

    /** The match ended: it reports no more ticks (forget what was kept for it). On the match's loop thread. */
    default void onMatchDisposed(String matchId) {
    }
}
