package io.tickwire.net.engineio;

import io.netty.buffer.ByteBuf;

/**
 * Receives what happens to one {@link EngineIoSocket}. One listener per socket (the Socket.IO layer's
 * {@code Client}); set it in the {@link ConnectionListener} so that no message is missed.
 *
 * <p>Threading: every method runs on the socket's event loop, one at a time; it must not block.
 */
public interface EngineIoSocketListener {

    /**
     * A message packet. {@code data} is borrowed (does not retain): it is valid only during the call;
     * {@code retain()} or copy what must outlive it. Text messages are their UTF-8 bytes.
     */
    default void onMessage(EngineIoSocket socket, ByteBuf data, boolean binary) {
    }

    /** The session closed; called exactly once, with the first reason. */
    default void onClose(EngineIoSocket socket, CloseReason reason) {
    }

    /** The session moved from polling to WebSocket; {@link EngineIoSocket#transportName()} now says so. */
    default void onUpgrade(EngineIoSocket socket) {
    }
}
