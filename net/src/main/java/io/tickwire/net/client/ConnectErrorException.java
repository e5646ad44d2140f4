package io.tickwire.net.client;

import io.tickwire.net.socketio.parser.Value;

/**
 * Why a namespace socket could not connect: the server's CONNECT_ERROR (a middleware refused it; {@link
 * #data()} holds what it attached) or a failed connection attempt of the manager ("xhr poll error",
 * "websocket error", "timeout").
 */
public final class ConnectErrorException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Value data;
    private final boolean fromServer;

    ConnectErrorException(String message, Value data, boolean fromServer, Throwable cause) {
        super(message, cause, false, false);
        this.data = data == null ? Value.NULL : data;
        this.fromServer = fromServer;
    }

    /** The CONNECT_ERROR's {@code data}, {@code Value.NULL} when it had none or the error is local. */
    public Value data() {
        return data;
    }

    /** True when the server refused the connection (a CONNECT_ERROR packet), false for a transport failure. */
    public boolean fromServer() {
        return fromServer;
    }
}
