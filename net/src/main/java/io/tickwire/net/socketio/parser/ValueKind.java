package io.tickwire.net.socketio.parser;

/** The kind of a {@link Value}: the JSON types plus binary, which both Socket.IO parsers carry. */
public enum ValueKind {
    NULL,
    BOOLEAN,
    /** An integral number held exactly as a {@code long}. */
    LONG,
    /** A number held as a {@code double} (possibly integral: {@link Value#asLong()} accepts it then). */
    DOUBLE,
    STRING,
    /** Binary data: a Node.js {@code Buffer} or browser {@code ArrayBuffer} on the other side. */
    BYTES,
    LIST,
    MAP
}
