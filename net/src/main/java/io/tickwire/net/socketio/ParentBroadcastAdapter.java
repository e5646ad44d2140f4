package io.tickwire.net.socketio;

import io.tickwire.net.socketio.adapter.Adapter;
import io.tickwire.net.socketio.adapter.BroadcastOptions;
import io.tickwire.net.socketio.adapter.RoomListener;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.Packet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The adapter of a {@link ParentNamespace}: it has no sockets of its own and forwards every operation to
 * its children's adapters, each packet re-addressed to the child's name.
 */
final class ParentBroadcastAdapter implements Adapter {
    private final ParentNamespace parent;

    ParentBroadcastAdapter(ParentNamespace parent) {
        this.parent = parent;
    }

    @Override
    public CompletableFuture<Integer> serverCount() {
        return CompletableFuture.completedFuture(1);
    }

    @Override
    public void addAll(String id, Collection<String> rooms) {
    }

    @Override
    public void del(String id, String room) {
    }

    @Override
    public void delAll(String id) {
    }

    @Override
    public Set<String> socketRooms(String id) {
        return Set.of();
    }

    @Override
    public Set<String> rooms() {
        Set<String> rooms = new HashSet<>();
        for (Namespace child : parent.liveChildren()) {
            rooms.addAll(child.adapter().rooms());
        }
        return rooms;
    }

    @Override
    public void broadcast(Packet packet, BroadcastOptions opts) {
        for (Namespace child : parent.liveChildren()) {
            child.adapter().broadcast(readdressed(packet, child), opts);
        }
    }

    @Override
    public void broadcastWithAck(Packet packet, BroadcastOptions opts, IntConsumer clientCount,
                                 Consumer<ListValue> ack) {
        int[] total = {0};
        for (Namespace child : parent.liveChildren()) {
            child.adapter().broadcastWithAck(readdressed(packet, child), opts, n -> total[0] += n, ack);
        }
        clientCount.accept(total[0]);
    }

    @Override
    public CompletableFuture<Set<String>> sockets(Set<String> rooms) {
        Set<String> ids = new HashSet<>();
        for (Namespace child : parent.liveChildren()) {
            ids.addAll(child.adapter().sockets(rooms).join());
        }
        return CompletableFuture.completedFuture(ids);
    }

    @Override
    public CompletableFuture<List<Socket>> fetchSockets(BroadcastOptions opts) {
        List<Socket> sockets = new ArrayList<>();
        for (Namespace child : parent.liveChildren()) {
            sockets.addAll(child.adapter().fetchSockets(opts).join());
        }
        return CompletableFuture.completedFuture(sockets);
    }

    @Override
    public void addSockets(BroadcastOptions opts, Collection<String> rooms) {
        for (Namespace child : parent.liveChildren()) {
            child.adapter().addSockets(opts, rooms);
        }
    }

    @Override
    public void delSockets(BroadcastOptions opts, Collection<String> rooms) {
        for (Namespace child : parent.liveChildren()) {
            child.adapter().delSockets(opts, rooms);
        }
    }

    @Override
    public void disconnectSockets(BroadcastOptions opts, boolean close) {
        for (Namespace child : parent.liveChildren()) {
            child.adapter().disconnectSockets(opts, close);
        }
    }

    @Override
    public void serverSideEmit(ListValue eventAndArgs) {
        for (Namespace child : parent.liveChildren()) {
            child.adapter().serverSideEmit(eventAndArgs);
        }
    }

    @Override
    public void addRoomListener(RoomListener listener) {
        for (Namespace child : parent.liveChildren()) {
            child.adapter().addRoomListener(listener);
        }
    }

    private static Packet readdressed(Packet packet, Namespace child) {
        return new Packet(packet.type(), child.name(), packet.ackId(), packet.data());
    }
}
