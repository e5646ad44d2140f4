package io.tickwire.engine.match;

/** The outcome of a message sent with an ack. */
public enum AckStatus {
    /** The client acknowledged; the reply payload came with it. */
    ACKED,
    /** No ack within the timeout given when sending. */
    TIMED_OUT,
    /** The player's connection closed before acknowledging. */
    PLAYER_GONE
}
