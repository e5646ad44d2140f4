package io.tickwire.net.socketio.adapter;

import io.tickwire.net.socketio.Namespace;
import io.tickwire.net.socketio.PreparedBroadcast;
import io.tickwire.net.socketio.SharedEncoding;
import io.tickwire.net.socketio.Socket;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.Packet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The rooms of one namespace on this node, kept in two concurrent indexes (room → socket ids, socket id →
 * rooms), and local delivery: a broadcast is encoded and WebSocket-framed at most once per parser kind and
 * every recipient gets a retained duplicate of the same frames (see {@link #broadcast}).
 *
 * <p>Designed for extension: a cluster adapter overrides the operations to also reach other nodes and calls
 * these for the local part. Thread-safe; room events fire on the thread that changed the room.
 */
public class InMemoryAdapter implements Adapter {
    private final Namespace namespace;
    private final ConcurrentMap<String, Set<String>> rooms = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Set<String>> sids = new ConcurrentHashMap<>();
    private final List<RoomListener> listeners = new CopyOnWriteArrayList<>();

    public InMemoryAdapter(Namespace namespace) {
        this.namespace = namespace;
    }

    /** The namespace whose rooms this adapter keeps. */
    public Namespace namespace() {
        return namespace;
    }

    @Override
    public CompletableFuture<Integer> serverCount() {
        return CompletableFuture.completedFuture(1);
    }

    @Override
    public void addAll(String id, Collection<String> roomsToJoin) {
        Set<String> joined = sids.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet());
        for (String room : roomsToJoin) {
            joined.add(room);
            // 0 = already a member, 1 = joined, 2 = joined a room it created; per-key atomic with removals
            int[] change = {0};
            rooms.compute(room, (k, members) -> {
                if (members == null) {
                    members = ConcurrentHashMap.newKeySet();
                    change[0] = 1;
                }
                if (members.add(id)) {
                    change[0]++;
                }
                return members;
            });
            if (change[0] == 2) {
                for (RoomListener l : listeners) {
                    l.onCreateRoom(room);
                }
            }
            if (change[0] >= 1) {
                for (RoomListener l : listeners) {
                    l.onJoinRoom(room, id);
                }
            }
        }
    }

    @Override
    public void del(String id, String room) {
        Set<String> joined = sids.get(id);
        if (joined != null) {
            joined.remove(room);
        }
        removeFromRoom(room, id);
    }

    @Override
    public void delAll(String id) {
        Set<String> joined = sids.remove(id);
        if (joined == null) {
            return;
        }
        for (String room : joined) {
            removeFromRoom(room, id);
        }
    }

    private void removeFromRoom(String room, String id) {
        boolean[] left = {false};
        boolean[] deleted = {false};
        rooms.computeIfPresent(room, (k, members) -> {
            left[0] = members.remove(id);
            deleted[0] = members.isEmpty();
            return deleted[0] ? null : members;
        });
        if (left[0]) {
            for (RoomListener l : listeners) {
                l.onLeaveRoom(room, id);
            }
        }
        if (deleted[0]) {
            for (RoomListener l : listeners) {
                l.onDeleteRoom(room);
            }
        }
    }

    @Override
    public Set<String> socketRooms(String id) {
        Set<String> joined = sids.get(id);
        return joined == null ? Set.of() : Set.copyOf(joined);
    }

    /** Whether {@code room} has at least one socket on this node (cheaper than {@link #rooms()}). */
    public boolean hasRoom(String room) {
        return rooms.containsKey(room);
    }

    @Override
    public Set<String> rooms() {
        return Set.copyOf(rooms.keySet());
    }

    @Override
    public void broadcast(Packet packet, BroadcastOptions opts) {
        deliver(packet, opts, null);
    }

    @Override
    public void broadcastWithAck(Packet packet, BroadcastOptions opts, IntConsumer clientCount,
                                 Consumer<ListValue> ack) {
        clientCount.accept(deliver(packet, opts, socket -> socket.expectAck(packet.ackId(), ack)));
    }

    /**
     * Encodes {@code packet} once per parser kind its recipients use and frames it once as WebSocket frames
     * ({@link SharedEncoding}), then hands every recipient a retained duplicate of the frames (or of the
     * payloads, for a session that cannot take frames), each flushed at once.
     *
     * <p>Order: every write goes through the path a direct emit from the calling thread to that socket takes
     * (written at once on the socket's own loop; otherwise the connection's cross-thread queue, or a task on
     * its loop), so a socket gets the emits and broadcasts of one thread in the order they were made. A task
     * per event loop for all its recipients would not keep that order: a WebSocket drains its cross-thread
     * queue in a task of its own, which may already be queued and then write a later emit before the
     * broadcast.
     *
     * @return the number of recipients
     */
    private int deliver(Packet packet, BroadcastOptions opts, Consumer<Socket> beforeWrite) {
        List<Socket> recipients = recipients(opts);
        if (recipients.isEmpty()) {
            return 0;
        }
        boolean volatile_ = opts.flags().volatile_();
        SharedEncoding shared = new SharedEncoding(namespace.parsers().broadcast(packet));
        try {
            for (Socket socket : recipients) {
                shared.prepare(socket.parserKind());
            }
            PreparedBroadcast prepared = shared.broadcast();
            for (Socket socket : recipients) {
                if (beforeWrite != null) {
                    beforeWrite.accept(socket);
                }
                socket.write(prepared, volatile_, true);
            }
        } finally {
            shared.release();
        }
        return recipients.size();
    }

    @Override
    public CompletableFuture<Set<String>> sockets(Set<String> roomFilter) {
        Set<String> ids = new HashSet<>();
        for (Socket socket : recipients(new BroadcastOptions(roomFilter, Set.of(), BroadcastFlags.DEFAULT))) {
            ids.add(socket.id());
        }
        return CompletableFuture.completedFuture(ids);
    }

    @Override
    public CompletableFuture<List<Socket>> fetchSockets(BroadcastOptions opts) {
        return CompletableFuture.completedFuture(recipients(opts));
    }

    @Override
    public void addSockets(BroadcastOptions opts, Collection<String> roomsToJoin) {
        for (Socket socket : recipients(opts)) {
            socket.join(roomsToJoin);
        }
    }

    @Override
    public void delSockets(BroadcastOptions opts, Collection<String> roomsToLeave) {
        for (Socket socket : recipients(opts)) {
            for (String room : roomsToLeave) {
                socket.leave(room);
            }
        }
    }

    @Override
    public void disconnectSockets(BroadcastOptions opts, boolean close) {
        for (Socket socket : recipients(opts)) {
            socket.disconnect(close);
        }
    }

    @Override
    public void serverSideEmit(ListValue eventAndArgs) {
        // a single node has no other server to tell
    }

    @Override
    public void addRoomListener(RoomListener listener) {
        listeners.add(listener);
    }

    /**
     * The connected local sockets {@code opts} selects, each once, in room order. A snapshot: sockets that
     * join or leave meanwhile may or may not be included.
     */
    protected List<Socket> recipients(BroadcastOptions opts) {
        Set<String> exceptIds = exceptIds(opts.except());
        List<Socket> out = new ArrayList<>();
        if (opts.rooms().isEmpty()) {
            for (String id : sids.keySet()) {
                addRecipient(out, id, exceptIds);
            }
            return out;
        }
        if (opts.rooms().size() == 1) {
            Set<String> members = rooms.get(opts.rooms().iterator().next());
            if (members != null) {
                for (String id : members) {
                    addRecipient(out, id, exceptIds);
                }
            }
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (String room : opts.rooms()) {
            Set<String> members = rooms.get(room);
            if (members == null) {
                continue;
            }
            for (String id : members) {
                if (seen.add(id)) {
                    addRecipient(out, id, exceptIds);
                }
            }
        }
        return out;
    }

    private void addRecipient(List<Socket> out, String id, Set<String> exceptIds) {
        if (exceptIds.contains(id)) {
            return;
        }
        Socket socket = namespace.socket(id);
        if (socket != null) {
            out.add(socket);
        }
    }

    private Set<String> exceptIds(Set<String> exceptRooms) {
        if (exceptRooms.isEmpty()) {
            return Set.of();
        }
        Set<String> ids = new HashSet<>();
        for (String room : exceptRooms) {
            Set<String> members = rooms.get(room);
            if (members != null) {
                ids.addAll(members);
            }
        }
        return ids;
    }
}
