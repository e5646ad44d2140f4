package io.tickwire.net.socketio;

/**
 * Continues or stops a middleware chain: call exactly one of the two methods, once, from any thread
 * (later calls are ignored).
 */
public interface Next {

    /** Lets the connection (or event) through to the next middleware, then to the listeners. */
    void proceed();

    /**
     * Stops the chain. For a connection middleware the client receives a CONNECT_ERROR with the error's
     * message and data; for an event middleware the socket's error listeners are told.
     */
    void fail(ConnectError error);
}
