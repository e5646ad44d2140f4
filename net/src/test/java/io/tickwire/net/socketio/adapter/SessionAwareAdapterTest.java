package io.tickwire.net.socketio.adapter;

import io.tickwire.net.socketio.RecoveryOptions;
import io.tickwire.net.socketio.SocketIoOptions;
import io.tickwire.net.socketio.SocketIoServer;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.Packet;
import io.tickwire.net.socketio.parser.Value;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class SessionAwareAdapterTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final OffsetGenerator expectedOffsets = new OffsetGenerator();
    private final SocketIoServer io = new SocketIoServer(SocketIoOptions.builder()
            .connectionStateRecovery(RecoveryOptions.defaults()).build());

    private SessionAwareAdapter adapter(int maxKeptPackets) {
        return new SessionAwareAdapter(io.of("/"), 120_000, maxKeptPackets, now::get);
    }

    /** Emits {@code ["ev", value]} and returns the offset the adapter appended (the clock is fixed per call). */
    private String emit(SessionAwareAdapter adapter, Set<String> rooms, Set<String> except, String value) {
        now.addAndGet(1);
        adapter.broadcast(Packet.event("/", Packet.NO_ACK, (ListValue) Value.from(List.of("ev", value))),
                new BroadcastOptions(rooms, except, BroadcastFlags.DEFAULT));
        return expectedOffsets.next(now.get());
    }

    @Test
    void replaysThePacketsAfterTheOffsetThatTheSessionsRoomsSelect() {
        SessionAwareAdapter adapter = adapter(10);
        adapter.persistSession(new PersistedSession("sid", "pid", List.of("sid", "game"), Map.of(), now.get()));
        String first = emit(adapter, Set.of(), Set.of(), "to-all");
        emit(adapter, Set.of("other"), Set.of(), "to-other");
        String third = emit(adapter, Set.of("game"), Set.of(), "to-game");
        emit(adapter, Set.of(), Set.of("game"), "except-game");

        RecoveredSession recovered = adapter.restoreSession("pid", first).join();

        assertNotNull(recovered);
        assertEquals("sid", recovered.session().sid());
        assertEquals(List.of(Value.from(List.of("ev", "to-game", third))), recovered.missedPackets());
    }

    @Test
    void recoversNothingFromAnUnknownOffsetOrTwice() {
        SessionAwareAdapter adapter = adapter(10);
        adapter.persistSession(new PersistedSession("sid", "pid", List.of("sid"), Map.of(), now.get()));
        String offset = emit(adapter, Set.of(), Set.of(), "x");
        assertNull(adapter.restoreSession("pid", "unknown").join());
        assertNull(adapter.restoreSession("pid", offset).join(), "a session is restored at most once");
    }

    @Test
    void forgetsASessionAfterMaxDisconnectionDuration() {
        SessionAwareAdapter adapter = adapter(10);
        adapter.persistSession(new PersistedSession("sid", "pid", List.of("sid"), Map.of(), now.get()));
        String offset = emit(adapter, Set.of(), Set.of(), "x");
        now.addAndGet(120_001);
        assertNull(adapter.restoreSession("pid", offset).join());
    }

    @Test
    void keepsAtMostMaxKeptPackets() {
        SessionAwareAdapter adapter = adapter(2);
        adapter.persistSession(new PersistedSession("sid", "pid", List.of("sid"), Map.of(), now.get()));
        String dropped = emit(adapter, Set.of(), Set.of(), "a");
        emit(adapter, Set.of(), Set.of(), "b");
        emit(adapter, Set.of(), Set.of(), "c");
        assertNull(adapter.restoreSession("pid", dropped).join(), "the oldest packet was dropped");
    }

    @Test
    void offsetsAreUniqueWithinOneMillisecond() {
        OffsetGenerator offsets = new OffsetGenerator();
        assertEquals(3, Set.of(offsets.next(5), offsets.next(5), offsets.next(6)).size());
    }
}
