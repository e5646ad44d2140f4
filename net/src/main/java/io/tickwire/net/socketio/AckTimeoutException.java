package io.tickwire.net.socketio;

/** An acknowledgement did not arrive within the emit's {@code timeout(ms)}: "operation has timed out". */
public final class AckTimeoutException extends Exception {
    private static final long serialVersionUID = 1L;

    public AckTimeoutException() {
        super("operation has timed out", null, false, false);
    }
}
