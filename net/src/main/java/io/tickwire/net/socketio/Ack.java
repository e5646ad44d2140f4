package io.tickwire.net.socketio;

/**
 * The acknowledgement a client asked for with its event: {@link #send} answers it, once (later calls are
 * ignored, as in the reference). Any thread.
 */
@FunctionalInterface
public interface Ack {

    /** Sends the acknowledgement with {@code args} (each converted with {@code Value.from}). */
    void send(Object... args);
}
