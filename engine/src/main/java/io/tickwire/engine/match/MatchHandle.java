package io.tickwire.engine.match;

import io.tickwire.engine.input.InputKind;
import io.tickwire.engine.input.InputRing;
import io.tickwire.engine.input.PayloadCopier;
import java.util.Map;

/**
 * A thread-safe reference to one hosted match: how the net layer (any thread) reaches it. Everything it sends
 * goes through the match's loop input ring, so it is applied on the loop thread in arrival order. The
 * {@code publish*}/{@code request*} methods never block and allocate nothing (beyond what the caller passes);
 * they return false when the ring is full or the payload is larger than the ring's {@code maxPayloadBytes}.
 */
public final class MatchHandle {
    private final String id;
    private final MatchOptions options;
    private final MatchHost host;
    private final int key;
    volatile int playerCount;
    volatile boolean disposed;
    volatile boolean shutdownHeard;

    MatchHandle(String id, MatchOptions options, MatchHost host, int key) {
        this.id = id;
        this.options = options;
        this.host = host;
        this.key = key;
    }

    /** The id given at creation, unique among live matches. */
    public String id() {
        return id;
    }

    /** The options given at creation. */
    public MatchOptions options() {
        return options;
    }

    /** The labels given at creation (for {@link MatchRegistry#list}). */
    public Map<String, String> labels() {
        return options.labels();
    }

    /** Index of the loop thread hosting the match (fixed for its life). */
    public int loopIndex() {
        return host.index();
    }

    /** Players in the match as of the end of its last join or leave (read from any thread). */
    public int playerCount() {
        return playerCount;
    }

    /** Whether the match has been disposed. */
    public boolean isDisposed() {
        return disposed;
    }

    /** Queues a player's input for the next tick. See the class comment for the return value. */
    public boolean publishInput(int playerId, long sequence, byte[] payload, int offset, int length) {
        return host.ring().publishInput(key, playerId, sequence, payload, offset, length);
    }

    /** As {@link #publishInput(int, long, byte[], int, int)} copying from any buffer type (borrowed). */
    public <S> boolean publishInput(int playerId, long sequence, S source, int offset, int length, PayloadCopier<S> copier) {
        return host.ring().publishInput(key, playerId, sequence, source, offset, length, copier);
    }

    /**
     * Asks to add {@code playerId}; {@code listener} learns the decision on the loop thread. Refused with
     * "full", "already joined", the game's reason, or "no such match" if the match is gone by then.
     */
    public boolean requestJoin(int playerId, byte[] joinData, int offset, int length, JoinListener listener) {
        return host.ring().publish(InputKind.JOIN, key, playerId, 0L, 0, joinData, offset, length,
                PayloadCopier.BYTE_ARRAY, listener);
    }

    /** Removes {@code playerId} at the next tick with {@code reason}. */
    public boolean leave(int playerId, LeaveReason reason) {
        return host.ring().publish(InputKind.LEAVE, key, playerId, 0L, reason.ordinal(), null, 0, 0, null, null);
    }

    /** Delivers the outcome of a message sent with {@code ackToken} to {@link Match#onAck}. */
    public boolean publishAckResult(int playerId, long ackToken, AckStatus status, byte[] reply, int offset, int length) {
        return host.ring().publish(InputKind.ACK_RESULT, key, playerId, ackToken, status.ordinal(), reply, offset, length,
                PayloadCopier.BYTE_ARRAY, null);
    }

    /**
     * Tells the match that the server shuts down within {@code drainTimeoutMs}: at its next tick, in arrival
     * order with the other queued events, the game's {@link Match#onShutdown} runs once (later announcements
     * are ignored). See the class comment for the return value.
     */
    public boolean announceShutdown(long drainTimeoutMs) {
        return host.ring().publish(InputKind.CONTROL, key, 0, drainTimeoutMs, MatchHost.SHUTDOWN, null, 0, 0, null, null);
    }

    /**
     * Whether the game has heard an {@link #announceShutdown} (its {@link Match#onShutdown} returned or threw),
     * or the match is disposed. Once true, what it sent from {@code onShutdown} is in its outbox.
     */
    public boolean hasHeardShutdown() {
        return shutdownHeard || disposed;
    }

    /** Disposes the match at the next tick (players leave with {@link LeaveReason#MATCH_DISPOSED}). */
    public boolean dispose() {
        return host.ring().publish(InputKind.CONTROL, key, 0, 0L, MatchHost.DISPOSE, null, 0, 0, null, null);
    }

    int key() {
        return key;
    }

    MatchHost host() {
        return host;
    }

    InputRing ring() {
        return host.ring();
    }

    @Override
    public String toString() {
        return "Match[" + id + " on loop " + host.index() + "]";
    }
}
