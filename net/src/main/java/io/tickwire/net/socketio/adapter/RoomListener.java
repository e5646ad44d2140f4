package io.tickwire.net.socketio.adapter;

/**
 * The adapter's room events ({@code create-room}, {@code delete-room}, {@code join-room},
 * {@code leave-room} of the reference). Runs on the thread that changed the room; must not block.
 */
public interface RoomListener {
    default void onCreateRoom(String room) {
    }

    default void onDeleteRoom(String room) {
    }

    default void onJoinRoom(String room, String socketId) {
    }

    default void onLeaveRoom(String room, String socketId) {
    }
}
