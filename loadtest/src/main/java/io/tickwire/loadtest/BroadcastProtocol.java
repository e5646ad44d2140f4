package io.tickwire.loadtest;

/**
 * The names of the broadcast scenario's contract (loadtest/README.md, "The broadcast handler"), shared by
 * the bots and {@link BroadcastScenarioServer}.
 *
 * <pre>
 *   CONNECT auth {room}            server: socket.join(auth.room)
 *   "input" {seq, t}               server: io.to(room).emit("state", {seq, from: socket.id, t: serverEpochMs})
 *   "action" {seq, t}, ack         server: ack({seq, t: serverEpochMs})
 * </pre>
 */
final class BroadcastProtocol {
    static final String AUTH_ROOM = "room";
    static final String INPUT = "input";
    static final String STATE = "state";
    static final String ACTION = "action";
    static final String SEQ = "seq";
    static final String FROM = "from";
    /** Epoch milliseconds, possibly fractional: the sender's clock in inputs, the server's in states and acks. */
    static final String TIME = "t";

    private BroadcastProtocol() {
    }
}
