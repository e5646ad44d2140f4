package io.tickwire.engine.match;

/**
 * Learns the outcome of {@link MatchHandle#requestJoin}. Called on the match's loop thread: hand the result
 * to your own thread (for Netty, the channel's event loop) and return quickly. A join to a match that is gone
 * is refused with reason "no such match".
 */
@FunctionalInterface
public interface JoinListener {
    void onJoinResult(int playerId, JoinDecision decision);
}
