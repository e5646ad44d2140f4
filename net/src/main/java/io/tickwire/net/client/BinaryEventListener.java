package io.tickwire.net.client;

import io.netty.buffer.ByteBuf;

/**
 * Handles an event whose first argument is binary data, given those bytes without building a
 * {@link io.tickwire.net.socketio.parser.Value} tree: registered with {@link ClientSocket#onBinary}. Called on
 * the manager's event loop (do not block it).
 */
@FunctionalInterface
public interface BinaryEventListener {

    /**
     * @param payload the event's first argument; borrows (does not retain): valid only during the call, so
     *                copy what must outlive it; reading it does not affect other listeners
     */
    void onEvent(ByteBuf payload);
}
