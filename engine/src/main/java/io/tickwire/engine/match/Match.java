package io.tickwire.engine.match;

import java.nio.ByteBuffer;

/**
 * The game code of one match: its lifecycle callbacks. Every method is called on the match's loop thread, one
 * at a time, so the match and its world need no synchronization. An exception thrown from any of them is
 * reported to the {@link MatchErrorHandler} and does not stop this or any other match.
 *
 * <p>Per tick, in this order: queued joins, leaves, ack results and the shutdown notice (in arrival order,
 * interleaved with the collection of inputs and {@link #onInputDropped} for those over the cap), {@link #onTick} with the tick's
 * inputs, the world's systems, then on snapshot ticks {@link #onSnapshot}, then {@link Outbox#flush()}.
 */
public interface Match {
    /** The match is now hosted; add systems and initial entities here. */
    default void onCreate(MatchContext ctx) {
    }

    /**
     * May {@code playerId} join? Asked only when the match has room and the player is not in it already.
     * {@code joinData} is what the requester published (valid during this call only). Returning null refuses
     * with reason "refused".
     */
    default JoinDecision onJoinAttempt(MatchContext ctx, int playerId, ByteBuffer joinData) {
        return JoinDecision.ACCEPT;
    }

    /** {@code playerId} joined (its join attempt was accepted). */
    void onJoin(MatchContext ctx, int playerId);

    /** {@code playerId} left for {@code reason}; it is no longer in {@link MatchContext#players()}. */
    void onLeave(MatchContext ctx, int playerId, LeaveReason reason);

    /**
     * Applies this tick's inputs (arrival order; at most the per-player cap each) before the systems run.
     * {@code inputs} is valid during this call only.
     */
    void onTick(MatchContext ctx, Inputs inputs);

    /**
     * An input of {@code playerId}, a player of this match, was dropped while this tick's inputs were collected:
     * it came over {@link MatchOptions#maxInputsPerPlayerPerTick()} for the tick, and {@link #onTick} will not
     * see it. Lets whoever waits on that input be told (the net layer answers a dropped action's ack with
     * it). {@code payload} is valid during this call only. Inputs of players not in the match are dropped
     * without this call.
     */
    default void onInputDropped(MatchContext ctx, int playerId, long sequence, ByteBuffer payload) {
    }

    /** A snapshot tick: capture and send state (for example through {@link MatchContext#snapshots()}). */
    default void onSnapshot(MatchContext ctx) {
    }

    /** The outcome of a message sent with {@code ackToken}; {@code reply} is valid during this call only. */
    default void onAck(MatchContext ctx, int playerId, long ackToken, AckStatus status, ByteBuffer reply) {
    }

    /**
     * The server is shutting down (called once, when {@link MatchHandle#announceShutdown} arrives): no one new
     * joins, the match keeps ticking for up to {@code drainTimeoutMs} from this call, and the server closes as
     * soon as no critical message ({@link Outbox#sendWithAck}) of any match is outstanding. End the match here:
     * send its final results with acks, so that they reach the players before their connections close; then
     * the match is disposed (players leave with {@link LeaveReason#MATCH_DISPOSED}).
     */
    default void onShutdown(MatchContext ctx, long drainTimeoutMs) {
    }

    /** The match is being disposed (its players have been removed); release what it holds. */
    default void onDispose(MatchContext ctx) {
    }
}
