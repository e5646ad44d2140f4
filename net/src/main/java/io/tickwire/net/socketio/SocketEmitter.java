package io.tickwire.net.socketio;

import io.tickwire.net.socketio.adapter.BroadcastFlags;
import io.tickwire.net.socketio.adapter.BroadcastOptions;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.Packet;
import io.tickwire.net.socketio.parser.Value;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Emits to one socket with modifiers ({@code socket.timeout(5000).emit(…)}, {@code socket.asVolatile()}):
 * the reference keeps these flags on the socket until the next emit; here each modifier returns an
 * immutable emitter, so concurrent emitters cannot steal each other's flags.
 *
 * <p>Threading: any thread; never blocks.
 */
public final class SocketEmitter {
    private final Socket socket;
    private final BroadcastFlags flags;

    SocketEmitter(Socket socket, BroadcastFlags flags) {
        this.socket = socket;
        this.flags = flags;
    }

    /** Drops the packet instead of queueing it when the transport is not writable. */
    public SocketEmitter asVolatile() {
        return new SocketEmitter(socket, flags.withVolatile());
    }

    /** Whether the transport may compress the packet. */
    public SocketEmitter compress(boolean compress) {
        return new SocketEmitter(socket, flags.withCompress(compress));
    }

    /** Gives the acknowledgement {@code timeoutMs} to arrive; the callback then gets an {@link AckTimeoutException}. */
    public SocketEmitter timeout(long timeoutMs) {
        return new SocketEmitter(socket, flags.withTimeout(timeoutMs));
    }

    /**
     * Sends {@code event} with {@code args} to the client. When the last argument is an {@link AckCallback}
     * the client is asked for an acknowledgement.
     *
     * @param args values {@link Value#from(Object)} accepts
     * @return false when the socket is disconnected (nothing sent)
     * @throws IllegalArgumentException for a reserved event name or an argument that is not a value
     */
    public boolean emit(String event, Object... args) {
        Socket.checkNotReserved(event);
        AckCallback callback = null;
        int count = args.length;
        if (count > 0 && args[count - 1] instanceof AckCallback ack) {
            callback = ack;
            count--;
        }
        ListValue data = eventData(event, args, count);
        if (!socket.connected()) {
            return false;
        }
        long ackId = Packet.NO_ACK;
        if (callback != null) {
            ackId = socket.namespace().nextAckId();
            socket.registerAck(ackId, callback, flags.timeoutMs());
        }
        Packet packet = Packet.event(socket.namespace().name(), ackId, data);
        if (socket.namespace().server().options().recovery() != null) {
            // through the adapter, so that the packet gets an offset and is kept for recovery
            socket.namespace().adapter().broadcast(packet,
                    new BroadcastOptions(Set.of(socket.id()), Set.of(), flags));
        } else {
            socket.notifyOutgoing(packet);
            socket.client().writePacket(packet, flags.volatile_());
        }
        return true;
    }

    /**
     * Sends {@code event} and completes with the client's acknowledgement arguments. With
     * {@link #timeout(long)} the future fails with {@link AckTimeoutException} when none arrives in time.
     */
    public CompletableFuture<ListValue> emitWithAck(String event, Object... args) {
        CompletableFuture<ListValue> result = new CompletableFuture<>();
        Object[] withAck = java.util.Arrays.copyOf(args, args.length + 1);
        withAck[args.length] = (AckCallback) (error, ackArgs) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(ackArgs);
            }
        };
        if (!emit(event, withAck)) {
            result.completeExceptionally(new IllegalStateException("socket " + socket.id() + " is disconnected"));
        }
        return result;
    }

    static ListValue eventData(String event, Object[] args, int count) {
        ListValue.Builder data = ListValue.builder(count + 1).add(event);
        for (int i = 0; i < count; i++) {
            data.add(Value.from(args[i]));
        }
        return data.build();
    }
}
