package io.tickwire.net.match;

/**
 * The event names of the game protocol on the {@link GameServer}'s namespace (documented with their payloads
 * in {@code net/README.md}, "Game protocol").
 */
public final class GameEvents {
    private GameEvents() {
    }

    /** Client → server, acked: {@code {mode, filters?, joinData?}} → {@code {ok, matchId, playerId, token}}. */
    public static final String JOIN_OR_CREATE = "joinOrCreate";
    /** Client → server, acked: {@code {mode, labels?, joinData?}} → as {@link #JOIN_OR_CREATE}. */
    public static final String CREATE = "create";
    /** Client → server, acked: {@code {matchId, joinData?}} → as {@link #JOIN_OR_CREATE}. */
    public static final String JOIN = "join";
    /**
     * Client → server, acked: {@code {reservation}} (a token from {@link GameServer#reserveSeat}) → as
     * {@link #JOIN_OR_CREATE}; {@code "no such reservation"} when it is unknown, already claimed or expired.
     */
    public static final String CLAIM = "claim";
    /** Client → server, acked: {@code {mode?, filters?}} → {@code {ok, matches: [{matchId, mode, players, maxPlayers, locked, labels}]}}. */
    public static final String LIST = "list";
    /** Client → server, optionally acked: leave the current match now → {@code {ok}}. */
    public static final String LEAVE = "leave";
    /** Client → server, never acked: {@code (seq >= 0, ackedTick, payload: bytes)}. */
    public static final String INPUT = "input";
    /**
     * Client → server, acked after the tick that applied it: {@code (payload: bytes)} → {@code {ok, tick, result}};
     * {@code {ok: false, error: "rate limited"}} when the token bucket or the per-tick input cap dropped it.
     */
    public static final String ACTION = "action";
    /** Server → client, volatile: {@code (snapshot: bytes, lastInputs: [playerId, seq, ...])}. */
    public static final String STATE = StateSender.EVENT;
    /**
     * Server → client after a join was accepted (after its ack): {@code {matchId, playerId}}. Sent as an ordinary
     * emit so that, with connection state recovery, the client holds an offset to recover its session with.
     */
    public static final String JOINED = "joined";
    /** Server → client after a reconnection with a token: {@code {ok, matchId, playerId}} or {@code {ok: false, error}}. */
    public static final String REJOINED = "rejoined";
    /** Server → client when the match removed the player: {@code {reason}} (kicked, match disposed, unresponsive, server closed). */
    public static final String LEFT = "left";
}
