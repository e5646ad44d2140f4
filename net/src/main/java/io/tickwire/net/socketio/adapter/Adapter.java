package io.tickwire.net.socketio.adapter;

import io.tickwire.net.socketio.RemoteSocket;
import io.tickwire.net.socketio.Socket;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.Packet;
import io.tickwire.net.socketio.parser.Value;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The rooms of one namespace and the delivery of packets to them (socket.io-adapter's {@code Adapter}).
 * {@link InMemoryAdapter} serves one node; a cluster adapter (Redis) extends it to reach other nodes.
 *
 * <p>Threading: every method may be called from any thread, concurrently; none blocks. Futures complete on
 * an arbitrary thread.
 */
public interface Adapter {

    /** Called once when the namespace is created. */
    default void init() {
    }

    /** Called once when the namespace or the server closes. */
    default void close() {
    }

    /** How many nodes share this namespace (1 for a single node). */
    CompletableFuture<Integer> serverCount();

    /** Adds socket {@code id} to each of {@code rooms}. */
    void addAll(String id, Collection<String> rooms);

    /** Removes socket {@code id} from {@code room}. */
    void del(String id, String room);

    /** Removes socket {@code id} from every room. */
    void delAll(String id);

    /** The rooms socket {@code id} is in (a snapshot; empty when unknown). */
    Set<String> socketRooms(String id);

    /** Every room that has at least one socket (a snapshot). */
    Set<String> rooms();

    /** Sends {@code packet} (an EVENT) to the recipients {@code opts} selects, encoded once per parser kind. */
    void broadcast(Packet packet, BroadcastOptions opts);

    /**
     * Like {@link #broadcast} but each recipient is asked for an acknowledgement: {@code clientCount} is told
     * how many recipients there are, then {@code ack} gets each response as it arrives.
     */
    void broadcastWithAck(Packet packet, BroadcastOptions opts, IntConsumer clientCount, Consumer<ListValue> ack);

    /** The ids of the sockets in any of {@code rooms} (all when empty). */
    CompletableFuture<Set<String>> sockets(Set<String> rooms);

    /** The sockets {@code opts} selects on this node. */
    CompletableFuture<List<Socket>> fetchSockets(BroadcastOptions opts);

    /**
     * The sockets {@code opts} selects on every node, as snapshots. The default (a single node) gives the
     * local ones; a cluster adapter asks the other nodes and may fail with a timeout.
     */
    default CompletableFuture<List<RemoteSocket>> fetchRemoteSockets(BroadcastOptions opts) {
        return fetchSockets(opts).thenApply(sockets -> {
            List<RemoteSocket> out = new ArrayList<>(sockets.size());
            for (Socket socket : sockets) {
                out.add(RemoteSocket.of(socket));
            }
            return out;
        });
    }

    /** Makes the sockets {@code opts} selects join {@code rooms}. */
    void addSockets(BroadcastOptions opts, Collection<String> rooms);

    /** Makes the sockets {@code opts} selects leave {@code rooms}. */
    void delSockets(BroadcastOptions opts, Collection<String> rooms);

    /** Disconnects the sockets {@code opts} selects; {@code close} closes their whole connection. */
    void disconnectSockets(BroadcastOptions opts, boolean close);

    /** Sends {@code [event, ...args]} to the other nodes' namespace (nothing to do on a single node). */
    void serverSideEmit(ListValue eventAndArgs);

    /**
     * Sends {@code [event, ...args]} to the other nodes' namespace, each asked for one acknowledgement;
     * completes with the first argument of each. The default (a single node) completes with none.
     */
    default CompletableFuture<List<Value>> serverSideEmitWithAck(ListValue eventAndArgs) {
        return CompletableFuture.completedFuture(List.of());
    }

    /** Keeps {@code session} for connection state recovery (an adapter without recovery keeps nothing). */
    default void persistSession(PersistedSession session) {
    }

    /**
     * Restores the session of private id {@code pid} with the packets emitted after {@code offset}; completes
     * with null when there is none, it expired, or the offset is unknown.
     */
    default CompletableFuture<RecoveredSession> restoreSession(String pid, String offset) {
        return CompletableFuture.completedFuture(null);
    }

    /** Adds a listener of room events. */
    void addRoomListener(RoomListener listener);
}
