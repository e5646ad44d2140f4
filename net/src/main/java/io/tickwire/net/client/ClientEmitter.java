package io.tickwire.net.client;

import io.tickwire.net.socketio.parser.ListValue;

import java.util.concurrent.CompletableFuture;

/**
 * Emits of one {@link ClientSocket} with an acknowledgement timeout, socket.io-client's
 * {@code socket.timeout(ms)}. Immutable and thread-safe, as the socket it wraps.
 */
public final class ClientEmitter {
    private final ClientSocket socket;
    private final long timeoutMs;

    ClientEmitter(ClientSocket socket, long timeoutMs) {
        this.socket = socket;
        this.timeoutMs = timeoutMs;
    }

    /** As {@link ClientSocket#emit}; a trailing {@link ClientAckCallback} gets this emitter's timeout. */
    public void emit(String event, Object... args) {
        if (args.length > 0 && args[args.length - 1] instanceof ClientAckCallback callback) {
            socket.emitWithCallback(event, callback, timeoutMs, args, args.length - 1);
        } else {
            socket.emit(event, args);
        }
    }

    /**
     * Emits and completes with the acknowledgement's arguments, or exceptionally with
     * {@code io.tickwire.net.socketio.AckTimeoutException} after the timeout. Completes on the event loop.
     */
    public CompletableFuture<ListValue> emitWithAck(String event, Object... args) {
        CompletableFuture<ListValue> result = new CompletableFuture<>();
        socket.emitWithCallback(event, (error, reply) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(reply);
            }
        }, timeoutMs, args, args.length);
        return result;
    }
}
