package io.tickwire.net.socketio.adapter;

import io.tickwire.net.socketio.SocketIoOptions;
import io.tickwire.net.socketio.SocketIoServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InMemoryAdapterTest {
    private final Adapter adapter = new SocketIoServer(SocketIoOptions.defaults()).of("/rooms").adapter();
    private final List<String> events = new ArrayList<>();

    InMemoryAdapterTest() {
        adapter.addRoomListener(new RoomListener() {
            @Override
            public void onCreateRoom(String room) {
                events.add("create-room " + room);
            }

            @Override
            public void onDeleteRoom(String room) {
                events.add("delete-room " + room);
            }

            @Override
            public void onJoinRoom(String room, String socketId) {
                events.add("join-room " + room + " " + socketId);
            }

            @Override
            public void onLeaveRoom(String room, String socketId) {
                events.add("leave-room " + room + " " + socketId);
            }
        });
    }

    @Test
    void firesRoomEventsInTheReferenceOrder() {
        adapter.addAll("s1", List.of("r"));
        adapter.addAll("s2", List.of("r"));
        adapter.addAll("s2", List.of("r"));
        adapter.del("s1", "r");
        adapter.delAll("s2");
        assertEquals(List.of("create-room r", "join-room r s1", "join-room r s2",
                "leave-room r s1", "leave-room r s2", "delete-room r"), events);
    }

    @Test
    void tracksTheRoomsOfEachSocket() {
        adapter.addAll("s1", List.of("a", "b"));
        adapter.addAll("s2", List.of("b"));
        assertEquals(Set.of("a", "b"), adapter.socketRooms("s1"));
        assertEquals(Set.of("a", "b"), adapter.rooms());
        adapter.delAll("s1");
        assertEquals(Set.of(), adapter.socketRooms("s1"));
        assertEquals(Set.of("b"), adapter.rooms());
    }

    @Test
    void selectsRecipientsByRoomsAndExceptions() {
        BroadcastOptions toAOrB = new BroadcastOptions(Set.of("a", "b"), Set.of("x"), BroadcastFlags.DEFAULT);
        assertEquals(true, toAOrB.includes(Set.of("a")));
        assertEquals(false, toAOrB.includes(Set.of("a", "x")));
        assertEquals(false, toAOrB.includes(Set.of("c")));
        assertEquals(true, BroadcastOptions.ALL.includes(Set.of()));
    }
}
