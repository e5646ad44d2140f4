package io.tickwire.net.launch;

/** An option's value is missing, malformed or out of range; the message names the option and how to set it. */
public final class InvalidOptionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidOptionException(String message) {
        super(message);
    }
}
