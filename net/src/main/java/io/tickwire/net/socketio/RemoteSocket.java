package io.tickwire.net.socketio;

import io.tickwire.net.socketio.parser.Value;

import java.util.Set;

/**
 * A socket as {@code fetchRemoteSockets} reports it, wherever in the cluster it is connected (socket.io's
 * {@code RemoteSocket}): a snapshot of its id, handshake, rooms and data, and the operations that reach it
 * through the adapter by its id (its own room). Immutable; any thread.
 */
public final class RemoteSocket {
    private final Namespace namespace;
    private final String id;
    private final Handshake handshake;
    private final Set<String> rooms;
    private final Value data;

    /**
     * @param handshake null when the owning node did not send one
     * @param data      {@code socket.data} as a value ({@link Value#NULL} when it is not representable)
     */
    public RemoteSocket(Namespace namespace, String id, Handshake handshake, Set<String> rooms, Value data) {
        this.namespace = namespace;
        this.id = id;
        this.handshake = handshake;
        this.rooms = Set.copyOf(rooms);
        this.data = data;
    }

    /** A local socket seen as a remote one (its data converted with {@link Value#from}). */
    public static RemoteSocket of(Socket socket) {
        return new RemoteSocket(socket.namespace(), socket.id(), socket.handshake(), socket.rooms(),
                dataValue(socket));
    }

    /** {@code socket.data} as a value, or {@link Value#NULL} when it holds something a value cannot carry. */
    public static Value dataValue(Socket socket) {
        try {
            return Value.from(socket.data());
        } catch (IllegalArgumentException e) {
            return Value.NULL;
        }
    }

    public String id() {
        return id;
    }

    /** The handshake, or null when the owning node sent none. */
    public Handshake handshake() {
        return handshake;
    }

    /** The rooms, its own id included, when it was fetched. */
    public Set<String> rooms() {
        return rooms;
    }

    /** {@code socket.data} when it was fetched. */
    public Value data() {
        return data;
    }

    /** Sends {@code event} to this socket, on whichever node it is. */
    public boolean emit(String event, Object... args) {
        return namespace.to(id).emit(event, args);
    }

    /** Makes this socket join {@code rooms}. */
    public void join(String... rooms) {
        namespace.in(id).socketsJoin(rooms);
    }

    /** Makes this socket leave {@code rooms}. */
    public void leave(String... rooms) {
        namespace.in(id).socketsLeave(rooms);
    }

    /** Disconnects this socket; {@code close} closes its whole connection. */
    public void disconnect(boolean close) {
        namespace.in(id).disconnectSockets(close);
    }

    @Override
    public String toString() {
        return "RemoteSocket(" + id + " in " + namespace.name() + ")";
    }
}
