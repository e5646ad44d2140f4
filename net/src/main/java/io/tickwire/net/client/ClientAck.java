package io.tickwire.net.client;

/** Answers one acknowledgement request of the server. Thread-safe; only the first {@link #send} counts. */
@FunctionalInterface
public interface ClientAck {

    /** Sends the acknowledgement with {@code args} (converted with {@code Value.from}). */
    void send(Object... args);
}
