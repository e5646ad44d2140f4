package io.tickwire.engine.input;

/** What an {@link InputEvent} carries into the loop thread. Everything a match learns from outside arrives
 * through the ring, so it is seen in one order and applied by the single writer. */
public enum InputKind {
    /** Nothing: a slot whose publisher failed while filling it; skipped by the drain. */
    NONE,
    /** A player's input: payload bytes and the client's sequence number. */
    INPUT,
    /** A join request: payload is the join data; attachment is the requester's callback. */
    JOIN,
    /** A player left: code is the leave reason. */
    LEAVE,
    /** The outcome of a message sent with an ack: sequence is the ack token, code the status, payload the reply. */
    ACK_RESULT,
    /** A lifecycle command for the match host: code says which; attachment carries its object. */
    CONTROL
}
