package io.tickwire.net.socketio;

import io.tickwire.net.socketio.parser.Value;

import java.util.List;

/**
 * Receives the acknowledgements of a broadcast ({@code io.timeout(ms).emit("ev", …, callback)}): called
 * once, when every recipient answered (error null) or when the timeout expired (an
 * {@link AckTimeoutException}, with the responses received so far; each response is the first argument of an acknowledgement).
 *
 * <p>Threading: runs on the event loop of the last recipient that answered, or a timer thread.
 */
@FunctionalInterface
public interface BroadcastAckCallback {
    void onAcks(Throwable error, List<Value> responses);
}
