package io.tickwire.net.socketio;

import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import io.tickwire.net.socketio.adapter.BroadcastFlags;
import io.tickwire.net.socketio.adapter.BroadcastOptions;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.Packet;
import io.tickwire.net.socketio.parser.Value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An immutable broadcast target (socket.io's {@code BroadcastOperator}): the rooms to reach, the rooms to
 * leave out, and the flags. Every modifier returns a new operator, so one can be kept and reused:
 * {@code io.to("match-7").except("spectators").asVolatile().emit("state", bytes)}.
 *
 * <p>Threading: any thread; emitting never blocks (a broadcast is encoded once per parser kind on the
 * calling thread and every recipient gets a retained duplicate of the same buffers).
 */
public final class BroadcastOperator {
    private final Namespace namespace;
    private final Set<String> rooms;
    private final Set<String> except;
    private final BroadcastFlags flags;

    BroadcastOperator(Namespace namespace, Set<String> rooms, Set<String> except, BroadcastFlags flags) {
        this.namespace = namespace;
        this.rooms = rooms;
        this.except = except;
        this.flags = flags;
    }

    /** Also targets {@code rooms} (a socket in several of them gets the packet once). */
    public BroadcastOperator to(String... rooms) {
        return new BroadcastOperator(namespace, union(this.rooms, rooms), except, flags);
    }

    /** Same as {@link #to}. */
    public BroadcastOperator in(String... rooms) {
        return to(rooms);
    }

    /** Leaves out the sockets in {@code rooms}. */
    public BroadcastOperator except(String... rooms) {
        return new BroadcastOperator(namespace, this.rooms, union(except, rooms), flags);
    }

    public BroadcastOperator compress(boolean compress) {
        return new BroadcastOperator(namespace, rooms, except, flags.withCompress(compress));
    }

    /** Drops the packet for each client whose transport is not writable (socket.io's {@code volatile}). */
    public BroadcastOperator asVolatile() {
        return new BroadcastOperator(namespace, rooms, except, flags.withVolatile());
    }

    /** Reaches this node's sockets only. */
    public BroadcastOperator local() {
        return new BroadcastOperator(namespace, rooms, except, flags.withLocal());
    }

    /** Waits {@code timeoutMs} for every recipient's acknowledgement. */
    public BroadcastOperator timeout(long timeoutMs) {
        return new BroadcastOperator(namespace, rooms, except, flags.withTimeout(timeoutMs));
    }

    /**
     * Sends {@code event} with {@code args} to every target. A last argument that is a
     * {@link BroadcastAckCallback} asks every recipient for an acknowledgement (needs {@link #timeout}).
     *
     * @throws IllegalArgumentException for a reserved event name, or an acknowledgement without timeout
     */
    public boolean emit(String event, Object... args) {
        Socket.checkNotReserved(event);
        int count = args.length;
        if (count > 0 && args[count - 1] instanceof BroadcastAckCallback callback) {
            emitWithAckCallback(SocketEmitter.eventData(event, args, count - 1), callback);
            return true;
        }
        namespace.adapter().broadcast(Packet.event(namespace.name(), Packet.NO_ACK,
                SocketEmitter.eventData(event, args, count)), options());
        return true;
    }

    /**
     * Sends {@code event} and completes with the recipients' responses (the first argument of each
     * acknowledgement) once all answered; fails with {@link AckTimeoutException} after the timeout.
     */
    public CompletableFuture<List<Value>> emitWithAck(String event, Object... args) {
        CompletableFuture<List<Value>> result = new CompletableFuture<>();
        Object[] withAck = java.util.Arrays.copyOf(args, args.length + 1);
        withAck[args.length] = (BroadcastAckCallback) (error, responses) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(responses);
            }
        };
        emit(event, withAck);
        return result;
    }

    private void emitWithAckCallback(ListValue data, BroadcastAckCallback callback) {
        if (!flags.hasTimeout()) {
            throw new IllegalArgumentException("a broadcast with an acknowledgement needs timeout(ms)");
        }
        Packet packet = Packet.event(namespace.name(), namespace.nextAckId(), data);
        BroadcastAckCollector collector = new BroadcastAckCollector(callback);
        ScheduledFuture<?> timer = GlobalEventExecutor.INSTANCE.schedule(collector::timeOut, flags.timeoutMs(),
                TimeUnit.MILLISECONDS);
        collector.timer(timer);
        namespace.adapter().broadcastWithAck(packet, options(), collector::addClients, collector::addResponse);
        namespace.adapter().serverCount().thenAccept(collector::expectServers);
    }

    /** The sockets targeted that are connected to this node (see {@link #fetchRemoteSockets} for the cluster). */
    public CompletableFuture<List<Socket>> fetchSockets() {
        return namespace.adapter().fetchSockets(options());
    }

    /** The sockets targeted on every node of the cluster, as snapshots (see {@link RemoteSocket}). */
    public CompletableFuture<List<RemoteSocket>> fetchRemoteSockets() {
        return namespace.adapter().fetchRemoteSockets(options());
    }

    /** Makes the targeted sockets join {@code rooms}. */
    public void socketsJoin(String... rooms) {
        namespace.adapter().addSockets(options(), List.of(rooms));
    }

    /** Makes the targeted sockets leave {@code rooms}. */
    public void socketsLeave(String... rooms) {
        namespace.adapter().delSockets(options(), List.of(rooms));
    }

    /** Disconnects the targeted sockets; {@code close} closes their whole connection. */
    public void disconnectSockets(boolean close) {
        namespace.adapter().disconnectSockets(options(), close);
    }

    private BroadcastOptions options() {
        return new BroadcastOptions(rooms, except, flags);
    }

    private static Set<String> union(Set<String> current, String[] more) {
        Set<String> all = new HashSet<>(current);
        Collections.addAll(all, more);
        return Set.copyOf(all);
    }

    /** Collects the acknowledgements of one broadcast: completes when every recipient on every node answered. */
    private static final class BroadcastAckCollector {
        private final BroadcastAckCallback callback;
        private final List<Value> responses = new ArrayList<>();
        private ScheduledFuture<?> timer;
        private int expectedServers = -1;
        private int answeredServers;
        private int expectedClients;
        private boolean done;

        BroadcastAckCollector(BroadcastAckCallback callback) {
            this.callback = callback;
        }

        synchronized void timer(ScheduledFuture<?> timer) {
            this.timer = timer;
        }

        void addClients(int count) {
            List<Value> all;
            synchronized (this) {
                expectedClients += count;
                answeredServers++;
                all = completed();
            }
            deliver(all);
        }

        void addResponse(ListValue args) {
            List<Value> all;
            synchronized (this) {
                responses.add(args.size() > 0 ? args.get(0) : Value.NULL);
                all = completed();
            }
            deliver(all);
        }

        void expectServers(int count) {
            List<Value> all;
            synchronized (this) {
                expectedServers = count;
                all = completed();
            }
            deliver(all);
        }

        void timeOut() {
            List<Value> soFar;
            synchronized (this) {
                if (done) {
                    return;
                }
                done = true;
                soFar = List.copyOf(responses);
            }
            callback.onAcks(new AckTimeoutException(), soFar);
        }

        /** The responses if every expected one is in (and marks the collection done), else null. Under the lock. */
        private List<Value> completed() {
            if (done || expectedServers != answeredServers || responses.size() != expectedClients) {
                return null;
            }
            done = true;
            if (timer != null) {
                timer.cancel(false);
            }
            return List.copyOf(responses);
        }

        /** Calls back outside the lock, so that the callback may emit again. */
        private void deliver(List<Value> all) {
            if (all != null) {
                callback.onAcks(null, all);
            }
        }
    }
}
