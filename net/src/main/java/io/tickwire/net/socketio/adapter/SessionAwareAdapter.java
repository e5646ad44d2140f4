package io.tickwire.net.socketio.adapter;

import io.tickwire.net.socketio.Namespace;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.Packet;
import io.tickwire.net.socketio.parser.PacketType;
import io.tickwire.net.socketio.parser.Value;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The in-memory adapter with connection state recovery (socket.io-adapter's {@code SessionAwareAdapter}):
 * every reliable EVENT broadcast without an acknowledgement gets an offset appended as its last argument
 * and is kept for {@code maxDisconnectionDurationMs}; the session of a socket that lost its connection for
 * a recoverable reason is kept as long, so that a client reconnecting with its {@code pid} and last offset
 * gets its id, rooms and data back plus the events it missed.
 *
 * <p>Memory is bounded by time (entries older than {@code maxDisconnectionDurationMs} are swept at most
 * once a second, on the next call) and by count ({@code maxKeptPackets}, the oldest dropped first).
 * Thread-safe.
 */
public class SessionAwareAdapter extends InMemoryAdapter {
    private static final long SWEEP_PERIOD_MS = 1_000;

    private final long maxDisconnectionDurationMs;
    private final int maxKeptPackets;
    private final LongSupplier clockMs;
    private final Map<String, PersistedSession> sessions = new ConcurrentHashMap<>();
    private final ArrayDeque<KeptPacket> packets = new ArrayDeque<>();
    private final OffsetGenerator offsets = new OffsetGenerator();
    private long lastSweepMs;

    private record KeptPacket(String offset, BroadcastOptions opts, ListValue data, long emittedAtMs) {
    }

    /**
     * @param maxDisconnectionDurationMs how long sessions and packets are kept
     * @param maxKeptPackets             the most packets kept at once
     * @param clockMs                    the wall clock in epoch milliseconds
     */
    public SessionAwareAdapter(Namespace namespace, long maxDisconnectionDurationMs, int maxKeptPackets,
                               LongSupplier clockMs) {
        super(namespace);
        this.maxDisconnectionDurationMs = maxDisconnectionDurationMs;
        this.maxKeptPackets = maxKeptPackets;
        this.clockMs = clockMs;
    }

    @Override
    public void persistSession(PersistedSession session) {
        sweepIfDue();
        sessions.put(session.pid(), session);
    }

    @Override
    public CompletableFuture<RecoveredSession> restoreSession(String pid, String offset) {
        sweepIfDue();
        PersistedSession session = sessions.remove(pid);
        if (session == null || session.disconnectedAt() + maxDisconnectionDurationMs < clockMs.getAsLong()) {
            return CompletableFuture.completedFuture(null);
        }
        Set<String> sessionRooms = Set.copyOf(session.rooms());
        List<ListValue> missed = new ArrayList<>();
        boolean found = false;
        synchronized (packets) {
            for (KeptPacket kept : packets) {
                if (found) {
                    if (kept.opts().includes(sessionRooms)) {
                        missed.add(kept.data());
                    }
                } else if (kept.offset().equals(offset)) {
                    found = true;
                }
            }
        }
        return CompletableFuture.completedFuture(found ? new RecoveredSession(session, missed) : null);
    }

    @Override
    public void broadcast(Packet packet, BroadcastOptions opts) {
        if (packet.type() != PacketType.EVENT || packet.hasAckId() || opts.flags().volatile_()) {
            super.broadcast(packet, opts);
            return;
        }
        sweepIfDue();
        ListValue data = (ListValue) packet.data();
        ListValue.Builder withOffset = ListValue.builder(data.size() + 1);
        for (int i = 0; i < data.size(); i++) {
            withOffset.add(data.get(i));
        }
        String offset;
        ListValue stored;
        synchronized (packets) {
            // offsets are handed out and stored in one step so that the buffer stays in emission order
            long nowMs = clockMs.getAsLong();
            offset = offsets.next(nowMs);
            stored = withOffset.add(Value.of(offset)).build();
            packets.addLast(new KeptPacket(offset, opts, stored, nowMs));
            while (packets.size() > maxKeptPackets) {
                packets.removeFirst();
            }
        }
        super.broadcast(Packet.event(packet.namespace(), Packet.NO_ACK, stored), opts);
    }

    private void sweepIfDue() {
        long now = clockMs.getAsLong();
        synchronized (packets) {
            if (now - lastSweepMs < SWEEP_PERIOD_MS) {
                return;
            }
            lastSweepMs = now;
            long threshold = now - maxDisconnectionDurationMs;
            while (!packets.isEmpty() && packets.peekFirst().emittedAtMs() < threshold) {
                packets.removeFirst();
            }
        }
        for (Iterator<PersistedSession> it = sessions.values().iterator(); it.hasNext(); ) {
            if (it.next().disconnectedAt() < now - maxDisconnectionDurationMs) {
                it.remove();
            }
        }
    }
}
