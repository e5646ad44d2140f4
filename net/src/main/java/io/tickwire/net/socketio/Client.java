package io.tickwire.net.socketio;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.ScheduledFuture;
import io.tickwire.net.engineio.CloseReason;
import io.tickwire.net.engineio.EngineIoSocket;
import io.tickwire.net.engineio.EngineIoSocketListener;
import io.tickwire.net.socketio.parser.EncodedPacket;
import io.tickwire.net.socketio.parser.MalformedPacketException;
import io.tickwire.net.socketio.parser.MapValue;
import io.tickwire.net.socketio.parser.Packet;
import io.tickwire.net.socketio.parser.PacketCodec;
import io.tickwire.net.socketio.parser.PacketType;
import io.tickwire.net.socketio.parser.ParserKind;
import io.tickwire.net.socketio.parser.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Engine.IO connection seen by Socket.IO (socket.io's {@code Client}): decodes its messages with the
 * connection's parser, multiplexes them onto one {@link Socket} per namespace, and writes encoded packets
 * back. Closes the connection when no namespace was joined within {@code connectTimeoutMs}, and when it
 * floods (see {@link EventRateLimit}).
 *
 * <pre>
 *   EngineIoSocket ──message──▶ Client ──PacketCodec.decode──▶ CONNECT   ──▶ Namespace.add ──▶ Socket
 *                                                          └─▶ EVENT/ACK ──▶ Socket of that namespace
 * </pre>
 *
 * <p>Threading: the listener methods and the socket maps belong to the connection's event loop;
 * {@link #writePacket} and {@link #writeEncoded} may be called from any thread.
 */
final class Client implements EngineIoSocketListener {
    private static final Logger LOG = LoggerFactory.getLogger(Client.class);

    private final SocketIoServer server;
    private final EngineIoSocket conn;
    private final PacketCodec codec;
    private final Map<String, Socket> socketsByNamespace = new HashMap<>();
    /** Null when the server sets no {@link EventRateLimit}. */
    private final FloodGuard floodGuard;
    private ScheduledFuture<?> connectTimeout;
    private boolean closed;

    Client(SocketIoServer server, EngineIoSocket conn) {
        this.server = server;
        this.conn = conn;
        this.codec = server.parsers().newCodec();
        EventRateLimit limit = server.options().eventRateLimit();
        this.floodGuard = limit == null ? null : new FloodGuard(limit, System.nanoTime());
        server.clientOpened(this);
        conn.listener(this);
        connectTimeout = conn.eventLoop().schedule(() -> {
            if (socketsByNamespace.isEmpty()) {
                LOG.debug("{} joined no namespace within {} ms", conn, server.options().connectTimeoutMs());
                close();
            }
        }, server.options().connectTimeoutMs(), TimeUnit.MILLISECONDS);
    }

    /** The Engine.IO transport it is on now ({@code polling} or {@code websocket}). Any thread. */
    String transportName() {
        return conn.transportName();
    }

    EngineIoSocket engineSocket() {
        return conn;
    }

    /** The connection's parser; the default parser until the client's first message when none is pinned. */
    ParserKind parserKind() {
        ParserKind kind = codec.kind();
        return kind == null ? ParserKind.DEFAULT : kind;
    }

    // ---- EngineIoSocketListener, on the event loop ----

    @Override
    public void onMessage(EngineIoSocket socket, ByteBuf data, boolean binary) {
        if (closed) {
            return;
        }
        server.metrics().bytesIn(data.readableBytes());
        Packet packet;
        try {
            packet = codec.decode(data, binary);
        } catch (MalformedPacketException e) {
            LOG.debug("{} sent a malformed packet: {}", conn, e.getMessage());
            for (Socket s : new ArrayList<>(socketsByNamespace.values())) {
                s.onError(e);
            }
            conn.close();
            return;
        }
        if (packet == null) {
            return;
        }
        server.metrics().packetIn();
        FloodGuard.Verdict verdict = floodGuard == null ? FloodGuard.Verdict.ADMIT : floodGuard.onPacket(System.nanoTime());
        if (verdict == FloodGuard.Verdict.ADMIT) {
            onPacket(packet);
        } else if (verdict == FloodGuard.Verdict.DROP) {
            server.metrics().floodDrop();
        } else {
            LOG.info("{} closed for flooding: over its eventRateLimit {}", conn, server.options().eventRateLimit());
            server.metrics().floodDrop();
            server.metrics().floodClose();
            close();
        }
    }

    @Override
    public void onUpgrade(EngineIoSocket socket) {
        for (Socket s : List.copyOf(socketsByNamespace.values())) {
            s.upgraded();
        }
    }

    @Override
    public void onClose(EngineIoSocket socket, CloseReason reason) {
        onClose(DisconnectReason.of(reason));
    }

    private void onPacket(Packet packet) {
        Socket socket = socketsByNamespace.get(packet.namespace());
        if (socket == null && packet.type() == PacketType.CONNECT) {
            Value auth = packet.data();
            connect(packet.namespace(), auth instanceof MapValue map ? map : MapValue.builder().build());
        } else if (socket != null && packet.type() != PacketType.CONNECT && packet.type() != PacketType.CONNECT_ERROR) {
            socket.onPacket(packet);
        } else {
            LOG.debug("{} sent a {} packet for {} in the wrong state", conn, packet.type(), packet.namespace());
            close();
        }
    }

    private void connect(String name, MapValue auth) {
        Namespace namespace = server.namespaceFor(name, auth);
        if (namespace == null) {
            writePacket(Packet.connectError(name, Value.map("message", "Invalid namespace")), false);
            return;
        }
        namespace.add(this, auth, socket -> {
            socketsByNamespace.put(namespace.name(), socket);
            if (connectTimeout != null) {
                connectTimeout.cancel(false);
                connectTimeout = null;
            }
        });
    }

    // ---- writing, any thread ----

    /** Encodes {@code packet} with this connection's parser and sends it. */
    void writePacket(Packet packet, boolean volatile_) {
        EncodedPacket encoded = codec.encode(packet);
        try {
            writeEncoded(encoded, volatile_);
        } finally {
            encoded.release();
        }
    }

    /**
     * Sends {@code encoded}'s frames. Borrows {@code encoded}: each frame goes out as a retained duplicate.
     * A volatile packet is dropped (and counted) when the transport is not writable. The frames of a packet
     * with binary attachments are written together on the event loop so no other packet can come between.
     */
    void writeEncoded(EncodedPacket encoded, boolean volatile_) {
        writeEncoded(encoded, volatile_, true);
    }

    /**
     * As {@link #writeEncoded(EncodedPacket, boolean)}; without {@code flush} the frames wait for the next
     * {@link #flush()} (a tick's messages leave in one flush). Borrows {@code encoded}.
     *
     * @return the bytes queued, 0 when the connection is closed, -1 when a volatile packet was dropped
     */
    long writeEncoded(EncodedPacket encoded, boolean volatile_, boolean flush) {
        if (!conn.isOpen()) {
            return 0;
        }
        if (volatile_ && !conn.isWritable()) {
            server.metrics().volatileDrop();
            return -1;
        }
        server.metrics().packetOut();
        int frames = encoded.frameCount();
        if (frames == 1) {
            ByteBuf frame = encoded.frame(0);
            int bytes = frame.readableBytes();
            if (flush) {
                conn.send(frame.retainedDuplicate(), encoded.isBinary(0));
            } else {
                conn.write(frame.retainedDuplicate(), encoded.isBinary(0));
            }
            server.metrics().bytesOut(bytes);
            return bytes;
        }
        long bytes = 0;
        ByteBuf[] duplicates = new ByteBuf[frames];
        boolean[] binary = new boolean[frames];
        for (int i = 0; i < frames; i++) {
            duplicates[i] = encoded.frame(i).retainedDuplicate();
            binary[i] = encoded.isBinary(i);
            bytes += duplicates[i].readableBytes();
        }
        Runnable writeAll = () -> {
            for (int i = 0; i < frames; i++) {
                conn.write(duplicates[i], binary[i]);
            }
            if (flush) {
                conn.flush();
            }
        };
        if (conn.eventLoop().inEventLoop()) {
            writeAll.run();
        } else {
            conn.eventLoop().execute(writeAll);
        }
        server.metrics().bytesOut(bytes);
        return bytes;
    }

    /**
     * Queues a prepared broadcast, flushing if asked: its WebSocket frames when the connection takes them, else
     * its payloads as {@link #writeEncoded(EncodedPacket, boolean, boolean)} does. Borrows {@code broadcast}.
     *
     * @return the payload bytes queued, 0 when the connection is closed, -1 when a volatile packet was dropped
     */
    long writePrepared(PreparedBroadcast broadcast, boolean volatile_, boolean flush) {
        ParserKind kind = parserKind();
        ByteBuf frames = broadcast.webSocketFrames(kind);
        if (frames == null || !conn.isOpen()) {
            return writeEncoded(broadcast.encoding().forKind(kind), volatile_, flush);
        }
        if (volatile_ && !conn.isWritable()) {
            server.metrics().volatileDrop();
            return -1;
        }
        if (!conn.writeWebSocketFrames(frames, flush)) {
            return writeEncoded(broadcast.encoding().forKind(kind), volatile_, flush);
        }
        server.metrics().packetOut();
        int bytes = broadcast.payloadBytes(kind);
        server.metrics().bytesOut(bytes);
        return bytes;
    }

    /** Flushes what {@link #writeEncoded(EncodedPacket, boolean, boolean)} queued without flushing. Any thread. */
    void flush() {
        if (conn.isOpen()) {
            conn.flush();
        }
    }

    // ---- lifecycle, on the event loop ----

    /** Forgets {@code socket} after it left its namespace. */
    void remove(Socket socket) {
        socketsByNamespace.remove(socket.namespace().name(), socket);
    }

    /** Disconnects every socket and closes the connection ("forced server close"). */
    void disconnectAll() {
        close();
    }

    /** Closes the connection; the sockets see "forced server close". */
    void close() {
        if (closed) {
            return;
        }
        onClose(DisconnectReason.FORCED_SERVER_CLOSE);
        conn.close();
    }

    private void onClose(DisconnectReason reason) {
        if (closed) {
            return;
        }
        closed = true;
        server.clientClosed(this);
        if (connectTimeout != null) {
            connectTimeout.cancel(false);
            connectTimeout = null;
        }
        for (Socket socket : new ArrayList<>(socketsByNamespace.values())) {
            socket.onClose(reason);
        }
        socketsByNamespace.clear();
    }

    boolean isOpen() {
        return !closed && conn.isOpen();
    }
}
