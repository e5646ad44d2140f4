package io.tickwire.engine.match;

/** Why a player left a match. */
public enum LeaveReason {
    /** The player asked to leave. */
    LEFT,
    /** The connection was lost (the net layer gave up waiting for a reconnection). */
    DISCONNECTED,
    /** Game code removed the player ({@link MatchContext#kick}). */
    KICKED,
    /** The match was disposed while the player was in it. */
    MATCH_DISPOSED
}
