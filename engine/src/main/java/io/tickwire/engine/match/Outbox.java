package io.tickwire.engine.match;

/**
 * How messages leave a match: the port the net layer implements (with Socket.IO emits to the match's room
 * or to one socket); the engine never sees a socket. One outbox per match, created by an
 * {@link OutboxFactory} and called only on the match's loop thread, during its tick.
 *
 * <p>Payloads are msgpack-encoded values written by game code into the match's
 * {@link MatchContext#packBuffer()} (or any byte array): <b>borrowed</b> for the duration of the call, so an
 * implementation copies them before returning (the array is reused for the next message). Bytes rather than
 * an object model keep the engine free of any codec but msgpack-core and let the net layer encode each
 * message once per parser kind: spliced verbatim into a msgpack-parser packet, or sent as a binary attachment
 * (or transcoded) for the default JSON parser.
 *
 * <p>Methods return false when a message is dropped (a volatile one on a connection not ready to write, or an
 * unknown player); that is a normal outcome, not an error. Implementations must not block.
 */
public interface Outbox {
    /** Sends {@code event} with {@code payload} to one player. */
    boolean send(int playerId, String event, byte[] payload, int offset, int length, Delivery delivery);

    /** Sends {@code event} with {@code payload} to every player of the match (encoded once). */
    boolean broadcast(String event, byte[] payload, int offset, int length, Delivery delivery);

    /**
     * Sends reliably to one player and asks for an ack. The outcome (ack with reply, timeout after
     * {@code timeoutMs}, or player gone) must come back through
     * {@link MatchHandle#publishAckResult}, which delivers it to {@link Match#onAck} on the loop thread.
     */
    boolean sendWithAck(int playerId, String event, byte[] payload, int offset, int length, long ackToken, long timeoutMs);

    /** As {@link #sendWithAck} to every player; one outcome per player comes back. */
    boolean broadcastWithAck(String event, byte[] payload, int offset, int length, long ackToken, long timeoutMs);

    /** The engine removed {@code playerId} (kicked, or the match was disposed): drop it from the room. */
    void playerRemoved(int playerId, LeaveReason reason);

    /** The match's tick is over: write out what was sent during it (flush each connection once). */
    void flush();
}
