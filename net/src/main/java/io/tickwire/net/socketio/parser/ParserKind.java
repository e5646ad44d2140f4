package io.tickwire.net.socketio.parser;

/** The two wire encodings a connection may use. */
public enum ParserKind {
    /** socket.io-parser: text frames, binary attachments as extra binary frames. */
    DEFAULT,
    /** socket.io-msgpack-parser 3.x: each packet is one msgpack map in one binary frame. */
    MSGPACK
}
