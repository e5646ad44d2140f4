package io.tickwire.net.admin;

import io.tickwire.net.socketio.Namespace;
import io.tickwire.net.socketio.Socket;
import io.tickwire.net.socketio.adapter.RoomListener;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.Value;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Development mode: tells the admin namespace about every socket connected and disconnected, room joined
 * and left, and event received and sent, in each namespace (the reference's {@code registerVerboseListeners}).
 * Costs a listener call per event: for development, as its name says.
 */
final class AdminEvents {
    private final Namespace admin;

    AdminEvents(Namespace admin) {
        this.admin = admin;
    }

    /** Starts watching {@code namespace} (the admin namespace included, as the reference does). */
    void watch(Namespace namespace) {
        String nsp = namespace.name();
        namespace.onConnection(socket -> {
            admin.emit("socket_connected", SocketSnapshot.of(socket), now());
            if (namespace != admin) {
                socket.onAny((event, args) -> admin.emit("event_received", nsp, socket.id(), eventAndArgs(event, args), now()));
                socket.onAnyOutgoing((event, args) -> admin.emit("event_sent", nsp, socket.id(), eventAndArgs(event, args), now()));
            }
            socket.onUpgrade(() -> admin.emit("socket_updated",
                    Map.of("id", socket.id(), "nsp", nsp, "transport", socket.transport())));
            socket.onDisconnect(reason -> admin.emit("socket_disconnected", nsp, socket.id(), reason.text(), now()));
        });
        namespace.adapter().addRoomListener(new RoomListener() {
            @Override
            public void onJoinRoom(String room, String socketId) {
                admin.emit("room_joined", nsp, room, socketId, now());
            }

            @Override
            public void onLeaveRoom(String room, String socketId) {
                admin.emit("room_left", nsp, room, socketId, now());
            }
        });
    }

    /** The socket's data changed (the reference sees it through a proxy; here the caller says so). */
    void dataUpdated(Socket socket) {
        admin.emit("socket_updated", Map.of("id", socket.id(), "nsp", socket.namespace().name(),
                "data", SocketSnapshot.data(socket)));
    }

    private static List<Value> eventAndArgs(String event, ListValue args) {
        List<Value> all = new ArrayList<>(args.size() + 1);
        all.add(Value.of(event));
        all.addAll(args.asList());
        return all;
    }

    /** A JavaScript Date on the wire is its ISO text. */
    static String now() {
        return Instant.now().toString();
    }
}
