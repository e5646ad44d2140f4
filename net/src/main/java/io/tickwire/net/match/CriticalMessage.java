package io.tickwire.net.match;

import io.tickwire.engine.match.AckStatus;
import io.tickwire.net.socketio.AckCallback;
import io.tickwire.net.socketio.Socket;
import io.tickwire.net.socketio.parser.ListValue;

/**
 * One server-to-client message that must be acknowledged: sent with {@code timeout(timeoutMs)} and an ack,
 * sent again (to the player's current connection, with the same {@code token} so the client can drop
 * duplicates) after each timeout up to {@code retries} times. Its outcome goes back to the match through
 * {@code MatchHandle.publishAckResult}: acked with the client's reply, or timed out, after which the player
 * is treated as disconnected; or player gone when the seat is released first.
 *
 * <p>Wire: {@code emit(event, payload: bytes, token: int, ack)}; the client acks with optional bytes.
 * Threading: started on the loop thread; the ack callbacks run on the connection's event loop.
 */
final class CriticalMessage implements AckCallback {
    private static final byte[] NO_REPLY = new byte[0];
    private final GameServer server;
    private final Seat seat;
    private final String event;
    private final byte[] payload;
    private final long token;
    private final long timeoutMs;
    private int retriesLeft;

    /** Takes ownership of {@code payload} (a copy made for this message). */
    CriticalMessage(GameServer server, Seat seat, String event, byte[] payload, long token, long timeoutMs, int retries) {
        this.server = server;
        this.seat = seat;
        this.event = event;
        this.payload = payload;
        this.token = token;
        this.timeoutMs = timeoutMs;
        this.retriesLeft = retries;
        server.criticalStarted();
    }

    /** Sends (again); with no live connection the attempt counts as timed out after {@code timeoutMs}. */
    void send() {
        Socket socket = seat.socket;
        if (seat.gone) {
            settle(AckStatus.PLAYER_GONE, NO_REPLY);
            return;
        }
        if (socket == null || !socket.timeout(timeoutMs).emit(event, payload, token, this)) {
            server.schedule(() -> onAck(new IllegalStateException("not connected"), ListValue.empty()), timeoutMs);
        }
    }

    @Override
    public void onAck(Throwable error, ListValue args) {
        if (error == null) {
            byte[] reply = args.size() > 0 && args.get(0).isBinary() ? args.get(0).asBytes() : new byte[0];
            settle(AckStatus.ACKED, reply);
        } else if (retriesLeft > 0 && !seat.gone) {
            retriesLeft--;
            send();
        } else if (seat.gone) {
            settle(AckStatus.PLAYER_GONE, NO_REPLY);
        } else {
            settle(AckStatus.TIMED_OUT, NO_REPLY);
            server.dropUnresponsive(seat);
        }
    }

    /**
     * The message's one outcome goes back to the match; the server counts it as outstanding until the match's
     * {@code onAck} has seen it ({@link HostedMatch}), or now if the match's ring refused it.
     */
    private void settle(AckStatus status, byte[] reply) {
        if (!seat.match.publishAckResult(seat.playerId, token, status, reply, 0, reply.length)) {
            server.criticalSettled();
        }
    }
}
