package io.tickwire.net.match;

import io.tickwire.engine.match.Delivery;
import io.tickwire.engine.match.LeaveReason;
import io.tickwire.engine.match.MatchHandle;
import io.tickwire.engine.match.Outbox;
import io.tickwire.net.socketio.Ack;
import io.tickwire.net.socketio.Socket;
import io.tickwire.net.socketio.parser.BroadcastEncoding;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.Packet;
import io.tickwire.net.socketio.parser.Value;
import org.agrona.collections.Int2ObjectHashMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A match's {@link Outbox} made of Socket.IO emits to the seats of its room. Each message is encoded once
 * per parser kind ({@link BroadcastEncoding}) and every member gets retained duplicates of the same buffers,
 * queued without flushing; {@link #flush()} at the end of the tick flushes each connection once, answers the
 * actions the tick applied, and reports the tick to the {@link MatchObserver}.
 *
 * <p>Threading: every method runs on the match's loop thread (the engine's contract for outboxes); the
 * sockets it writes to are safe to write from any thread.
 */
final class RoomOutbox implements Outbox {
    private final GameServer server;
    private final MatchHandle match;
    private final Int2ObjectHashMap<Seat> seatsById = new Int2ObjectHashMap<>();
    private final List<Seat> seats = new ArrayList<>();
    private final List<Socket> toFlush = new ArrayList<>();
    private int[] actionPlayers = new int[16];
    private long[] actionSequences = new long[16];
    private byte[][] actionReplies = new byte[16][];
    private int actionCount;
    private long tick;
    private long flushEpoch = 1;
    private int packetsOut;
    private long bytesOut;
    private int volatileDrops;

    RoomOutbox(GameServer server, MatchHandle match) {
        this.server = server;
        this.match = match;
    }

    // ---- seats, on the loop thread ----

    void addSeat(Seat seat) {
        seatsById.put(seat.playerId, seat);
        seats.add(seat);
    }

    Seat seat(int playerId) {
        return seatsById.get(playerId);
    }

    List<Seat> seats() {
        return seats;
    }

    void removeSeat(int playerId, LeaveReason reason) {
        Seat seat = seatsById.remove(playerId);
        if (seat != null) {
            seats.remove(seat);
            server.seatReleased(seat, reason);
        }
    }

    // ---- Outbox ----

    @Override
    public boolean send(int playerId, String event, byte[] payload, int offset, int length, Delivery delivery) {
        Seat seat = seatsById.get(playerId);
        if (seat == null) {
            return false;
        }
        BroadcastEncoding encoding = encode(event, Arrays.copyOfRange(payload, offset, offset + length));
        try {
            return write(seat, encoding, delivery == Delivery.VOLATILE);
        } finally {
            encoding.release();
        }
    }

    @Override
    public boolean broadcast(String event, byte[] payload, int offset, int length, Delivery delivery) {
        BroadcastEncoding encoding = encode(event, Arrays.copyOfRange(payload, offset, offset + length));
        try {
            boolean all = true;
            for (int i = 0; i < seats.size(); i++) {
                all &= write(seats.get(i), encoding, delivery == Delivery.VOLATILE);
            }
            return all;
        } finally {
            encoding.release();
        }
    }

    @Override
    public boolean sendWithAck(int playerId, String event, byte[] payload, int offset, int length, long ackToken,
            long timeoutMs) {
        Seat seat = seatsById.get(playerId);
        if (seat == null) {
            return false;
        }
        new CriticalMessage(server, seat, event, Arrays.copyOfRange(payload, offset, offset + length), ackToken,
                timeoutMs, server.options().criticalRetries()).send();
        return true;
    }

    @Override
    public boolean broadcastWithAck(String event, byte[] payload, int offset, int length, long ackToken, long timeoutMs) {
        byte[] copy = Arrays.copyOfRange(payload, offset, offset + length);
        for (int i = 0; i < seats.size(); i++) {
            new CriticalMessage(server, seats.get(i), event, copy, ackToken, timeoutMs,
                    server.options().criticalRetries()).send();
        }
        return true;
    }

    @Override
    public void playerRemoved(int playerId, LeaveReason reason) {
        removeSeat(playerId, reason);
    }

    @Override
    public void flush() {
        for (int i = 0; i < toFlush.size(); i++) {
            toFlush.get(i).flush();
        }
        toFlush.clear();
        flushEpoch++;
        for (int i = 0; i < actionCount; i++) {
            answerAction(actionPlayers[i], actionSequences[i], actionReplies[i]);
            actionReplies[i] = null;
        }
        actionCount = 0;
        MatchObserver observer = server.observer();
        if (observer != MatchObserver.NONE) {
            int connected = 0;
            for (int i = 0; i < seats.size(); i++) {
                connected += seats.get(i).socket != null ? 1 : 0;
            }
            observer.onTickEnd(new TickReport(match.id(), tick, seats.size(), connected, packetsOut, bytesOut,
                    volatileDrops));
        }
        packetsOut = 0;
        bytesOut = 0;
        volatileDrops = 0;
    }

    // ---- used by HostedMatch and StateSender, on the loop thread ----

    void tick(long tick) {
        this.tick = tick;
    }

    /** Encodes {@code event(payload)} once per parser kind; the caller must release the result. */
    BroadcastEncoding encode(String event, byte[] payload) {
        return encode(ListValue.builder(2).add(event).add(Value.of(payload)).build());
    }

    BroadcastEncoding encode(ListValue eventAndArgs) {
        return server.parsers().broadcast(Packet.event(server.namespace().name(), Packet.NO_ACK, eventAndArgs));
    }

    /** Queues {@code encoding} (borrowed) to {@code seat}'s connection, flushed in {@link #flush()}. */
    boolean write(Seat seat, BroadcastEncoding encoding, boolean volatile_) {
        Socket socket = seat.socket;
        if (socket == null) {
            return false;
        }
        long bytes = socket.write(encoding, volatile_);
        if (bytes < 0) {
            volatileDrops++;
            server.countVolatileDrop();
            return false;
        }
        if (bytes == 0) {
            return false;
        }
        packetsOut++;
        bytesOut += bytes;
        server.countBytesOut(bytes);
        if (seat.flushEpoch != flushEpoch) {
            seat.flushEpoch = flushEpoch;
            toFlush.add(socket);
        }
        return true;
    }

    void actionApplied(int playerId, long sequence) {
        if (actionCount == actionPlayers.length) {
            actionPlayers = Arrays.copyOf(actionPlayers, actionCount * 2);
            actionSequences = Arrays.copyOf(actionSequences, actionCount * 2);
            actionReplies = Arrays.copyOf(actionReplies, actionCount * 2);
        }
        actionPlayers[actionCount] = playerId;
        actionSequences[actionCount] = sequence;
        actionCount++;
    }

    void replyToAction(int playerId, long sequence, byte[] reply) {
        for (int i = 0; i < actionCount; i++) {
            if (actionPlayers[i] == playerId && actionSequences[i] == sequence) {
                actionReplies[i] = reply;
                return;
            }
        }
    }

    private void answerAction(int playerId, long sequence, byte[] reply) {
        Seat seat = seatsById.get(playerId);
        if (seat == null) {
            return;
        }
        Ack ack = seat.pendingActions.remove(sequence);
        if (ack != null) {
            ack.send(Value.map("ok", true, "tick", tick, "result", reply));
        }
    }
}
