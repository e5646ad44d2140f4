package io.tickwire.net.socketio;

import io.tickwire.net.socketio.parser.MapValue;
import io.tickwire.net.socketio.parser.Value;

/**
 * A refusal from a connection middleware: the client receives a CONNECT_ERROR packet whose payload is
 * {@code {message, data}} and sees it as a {@code connect_error} event with {@code err.message} and
 * {@code err.data}.
 */
public final class ConnectError extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Value data;

    /** A refusal with a message and no data. */
    public ConnectError(String message) {
        this(message, null);
    }

    /**
     * A refusal with a message and extra data for the client.
     *
     * @param data any value {@link Value#from(Object)} accepts, or null for none
     */
    public ConnectError(String message, Object data) {
        super(message, null, false, false);
        this.data = data == null ? null : Value.from(data);
    }

    /** The extra data sent to the client, or null. */
    public Value data() {
        return data;
    }

    MapValue toPayload() {
        MapValue.Builder payload = MapValue.builder().put("message", String.valueOf(getMessage()));
        if (data != null) {
            payload.put("data", data);
        }
        return payload.build();
    }
}
