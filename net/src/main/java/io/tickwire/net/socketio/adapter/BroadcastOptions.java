package io.tickwire.net.socketio.adapter;

import java.util.Set;

/**
 * Who receives a broadcast: the sockets in any of {@code rooms} (every socket of the namespace when empty)
 * that are in none of {@code except}. Immutable.
 */
public record BroadcastOptions(Set<String> rooms, Set<String> except, BroadcastFlags flags) {

    public BroadcastOptions {
        rooms = Set.copyOf(rooms);
        except = Set.copyOf(except);
    }

    /** Every socket of the namespace, default flags. */
    public static final BroadcastOptions ALL = new BroadcastOptions(Set.of(), Set.of(), BroadcastFlags.DEFAULT);

    /** Whether a socket that joined {@code socketRooms} is a recipient. */
    public boolean includes(Set<String> socketRooms) {
        for (String room : except) {
            if (socketRooms.contains(room)) {
                return false;
            }
        }
        if (rooms.isEmpty()) {
            return true;
        }
        for (String room : rooms) {
            if (socketRooms.contains(room)) {
                return true;
            }
        }
        return false;
    }
}
