package io.tickwire.engine.match;

/** How hard the net layer tries to deliver a message. */
public enum Delivery {
    /** Queued and sent in order, like a plain Socket.IO emit. */
    RELIABLE,
    /**
     * May be dropped when the connection is not ready to write (Socket.IO's {@code volatile} flag): for state
     * that the next snapshot supersedes anyway.
     */
    VOLATILE
}
