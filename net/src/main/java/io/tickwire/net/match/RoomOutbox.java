package io.tickwire.net.match;

import io.netty.channel.EventLoop;
import io.tickwire.engine.match.Delivery;
import io.tickwire.engine.match.LeaveReason;
import io.tickwire.engine.match.MatchHandle;
import io.tickwire.engine.match.Outbox;
import io.tickwire.net.socketio.Ack;
import io.tickwire.net.socketio.Socket;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.Packet;
import io.tickwire.net.socketio.parser.Value;
import org.agrona.collections.Int2ObjectHashMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A match's {@link Outbox} made of Socket.IO emits to the seats of its room. Each message is encoded once
 * per parser kind ({@link SharedEncoding}) and every member gets retained duplicates of the same buffers.
 * Writes are grouped by the connections' event loops ({@link LoopBatch}); {@link #flush()} at the end of the
 * tick hands each loop its batch as one task, which writes the packets and flushes each connection once.
 * It also answers the actions the tick applied and reports to the {@link MatchObserver}; bytes and drops
 * are counted when the batches run, so a report carries what was counted since the previous one.
 *
 * <p>Threading: every method runs on the match's loop thread (the engine's contract for outboxes); the
 * sockets it writes to are safe to write from any thread.
 */
final class RoomOutbox implements Outbox {
    private final GameServer server;
    private final MatchHandle match;
    private final Int2ObjectHashMap<Seat> seatsById = new Int2ObjectHashMap<>();
    private final List<Seat> seats = new ArrayList<>();
    private final List<LoopBatch> batches = new ArrayList<>();
    private final AtomicLong packetsQueued = new AtomicLong();
    private final AtomicLong bytesQueued = new AtomicLong();
    private final AtomicLong dropsCounted = new AtomicLong();
    private int[] actionPlayers = new int[16];
    private long[] actionSequences = new long[16];
    private byte[][] actionReplies = new byte[16][];
    private int actionCount;
    private long tick;
    private long tickStartNanos;
    private long flushEpoch = 1;
    private long packetsReported;
    private long bytesReported;
    private long dropsReported;

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
        SharedEncoding encoding = encode(event, Arrays.copyOfRange(payload, offset, offset + length));
        try {
            return write(seat, encoding, delivery == Delivery.VOLATILE);
        } finally {
            encoding.release();
        }
    }

    @Override
    public boolean broadcast(String event, byte[] payload, int offset, int length, Delivery delivery) {
        SharedEncoding encoding = encode(event, Arrays.copyOfRange(payload, offset, offset + length));
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
        for (int i = 0; i < batches.size(); i++) {
            LoopBatch batch = batches.get(i);
            if (batch.isIdle() && !batch.isEmpty()) {
                batch.submit();
            }
        }
        flushEpoch++;
        for (int i = 0; i < actionCount; i++) {
            answerAction(actionPlayers[i], actionSequences[i], actionReplies[i]);
            actionReplies[i] = null;
        }
        actionCount = 0;
        long packets = packetsQueued.get() - packetsReported;
        long bytes = bytesQueued.get() - bytesReported;
        long drops = dropsCounted.get() - dropsReported;
        packetsReported += packets;
        bytesReported += bytes;
        dropsReported += drops;
        server.countBytesOut(bytes);
        server.countVolatileDrops(drops);
        MatchObserver observer = server.observer();
        if (observer != MatchObserver.NONE) {
            int connected = 0;
            for (int i = 0; i < seats.size(); i++) {
                connected += seats.get(i).socket != null ? 1 : 0;
            }
            observer.onTickEnd(new TickReport(match.id(), tick, seats.size(), connected, (int) packets, bytes,
                    (int) drops, server.nanoTime() - tickStartNanos));
        }
    }

    // ---- used by HostedMatch and StateSender, on the loop thread ----

    void tick(long tick) {
        this.tick = tick;
        this.tickStartNanos = server.nanoTime();
    }

    /** Encodes {@code event(payload)} once per parser kind used; the caller must release the result. */
    SharedEncoding encode(String event, byte[] payload) {
        return encode(ListValue.builder(2).add(event).add(Value.of(payload)).build());
    }

    SharedEncoding encode(ListValue eventAndArgs) {
        return new SharedEncoding(
                server.parsers().broadcast(Packet.event(server.namespace().name(), Packet.NO_ACK, eventAndArgs)));
    }

    /**
     * Queues {@code encoding} (borrowed; a use is taken until written) to {@code seat}'s connection, in the
     * batch of that connection's event loop, written and flushed there after this tick.
     *
     * @return false if the seat has no connection; a volatile packet may still be dropped on the event loop
     */
    boolean write(Seat seat, SharedEncoding encoding, boolean volatile_) {
        Socket socket = seat.socket;
        if (socket == null || !socket.connected()) {
            return false;
        }
        encoding.prepare(socket.parserKind());
        boolean first = seat.flushEpoch != flushEpoch;
        seat.flushEpoch = flushEpoch;
        batchFor(socket.eventLoop()).add(socket, encoding, volatile_, first);
        return true;
    }

    private LoopBatch batchFor(EventLoop loop) {
        for (int i = 0; i < batches.size(); i++) {
            LoopBatch batch = batches.get(i);
            if (batch.loop == loop && batch.isIdle()) {
                return batch;
            }
        }
        LoopBatch batch = new LoopBatch(loop, packetsQueued, bytesQueued, dropsCounted);
        batches.add(batch);
        return batch;
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

    /** The engine dropped the action over {@code maxInputsPerPlayerPerTick}: its ack is answered now, refused. */
    void actionDropped(int playerId, long sequence) {
        Seat seat = seatsById.get(playerId);
        Ack ack = seat == null ? null : seat.pendingActions.remove(sequence);
        if (ack != null) {
            ack.send(GameServer.error(GameServer.RATE_LIMITED));
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
