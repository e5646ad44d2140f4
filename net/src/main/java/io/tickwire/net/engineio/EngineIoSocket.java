package io.tickwire.net.engineio;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.concurrent.ScheduledFuture;
import io.tickwire.net.engineio.transport.OutboundPacket;
import io.tickwire.net.engineio.transport.PollingTransport;
import io.tickwire.net.engineio.transport.Transport;
import io.tickwire.net.engineio.transport.TransportEvents;
import io.tickwire.net.engineio.transport.WebSocketTransport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * One Engine.IO session ("Protocol"): its id, handshake facts, current transport, heartbeat, upgrade
 * and close. This is what the Socket.IO layer's {@code Client} wraps.
 *
 * <p><b>Threading.</b> A session lives on one event loop ({@link #eventLoop()}) for its whole life: its
 * state changes there and its listener is called there. {@link #send}, {@link #write}, {@link #flush},
 * {@link #isWritable} and {@link #close} may be called from any thread and never block. Sends from one
 * thread keep their order.
 *
 * <p><b>Heartbeat.</b> A ping is scheduled {@code pingIntervalMs} after the handshake and after each
 * pong, on the session's loop (Netty's scheduler, not a timer wheel); the session closes with
 * {@link CloseReason#PING_TIMEOUT} when no pong follows within {@code pingTimeoutMs} (see
 * {@code Heartbeat}).
 *
 * <p><b>Buffers.</b> Polling sessions buffer packets until the next poll request; WebSocket sessions write
 * straight to the channel, whose outbound buffer holds what the kernel has not taken. Either is bounded by
 * {@link EngineIoOptions#maxWriteBufferBytes()}: a message that finds more queued closes the session with
 * {@link CloseReason#TRANSPORT_ERROR} (a client that stopped reading holds no more than that). Below
 * it, {@link #isWritable()} reports Netty's water marks so that droppable packets can be dropped first.
 */
public final class EngineIoSocket {
    private static final Logger LOG = LoggerFactory.getLogger(EngineIoSocket.class);
    private static final byte OPEN = 0;
    private static final byte CLOSING = 1;
    private static final byte CLOSED = 2;
    private static final EngineIoSocketListener NO_LISTENER = new EngineIoSocketListener() {
    };
    /**
     * How long a poll that arrives after the probe waits before its noop: a client that sends the
     * upgrade packet meanwhile gets 400 for it, as from a single-threaded server that read the upgrade
     * packet first (the official client never polls in that window).
     */
    private static final long LATE_POLL_HOLD_MS = 50;
    private static final byte[] PROBE = "probe".getBytes(StandardCharsets.US_ASCII);

    private static final AtomicReferenceFieldUpdater<EngineIoSocket, Channel> POST_IN_FLIGHT =
            AtomicReferenceFieldUpdater.newUpdater(EngineIoSocket.class, Channel.class, "postInFlight");

    private final String id;
    private final EngineIoServer server;
    private final EventLoop loop;
    private final HandshakeRequest handshake;
    private final Events events = new Events();
    private final Heartbeat heartbeat;

    private volatile Transport transport;
    /** The WebSocket transport when it shares the session's loop: any thread may write to it directly. */
    private volatile WebSocketTransport directWebSocket;
    private volatile byte state = OPEN;
    private volatile WebSocketTransport probe;
    /** The connection whose POST body is arriving, or null; written on I/O threads, hence atomic. */
    private volatile Channel postInFlight;
    private boolean probed;
    private ScheduledFuture<?> upgradeTimer;
    private ScheduledFuture<?> latePollTimer;
    private ArrayDeque<OutboundPacket> writeBuffer;
    private int bufferedBytes;
    private CloseReason closeReason;
    private CloseReason pendingCloseReason;
    private ScheduledFuture<?> closeTimer;
    private EngineIoSocketListener listener = NO_LISTENER;

    EngineIoSocket(String id, EngineIoServer server, EventLoop loop, HandshakeRequest handshake) {
        this.id = id;
        this.server = server;
        this.loop = loop;
        this.handshake = handshake;
        this.heartbeat = new Heartbeat(this, server.options());
    }

    /** The session id ({@code sid}), 20 URL-safe characters. */
    public String id() {
        return id;
    }

    /** The current transport's name: {@code polling} or {@code websocket}. */
    public String transportName() {
        return transport.name();
    }

    /** The facts of the handshake request. */
    public HandshakeRequest handshake() {
        return handshake;
    }

    /** The event loop this session lives on; schedule per-session work here to avoid locking. */
    public EventLoop eventLoop() {
        return loop;
    }

    /** Whether the session is open (not closing or closed). Any thread. */
    public boolean isOpen() {
        return state == OPEN;
    }

    /** Why the session closed, or {@code null} while it is open. Read on the session's loop. */
    public CloseReason closeReason() {
        return closeReason;
    }

    /** Sets the listener; call on the session's loop, normally in the {@link ConnectionListener}. */
    public void listener(EngineIoSocketListener listener) {
        this.listener = listener == null ? NO_LISTENER : listener;
    }

    /**
     * Sends a message packet and flushes. Takes ownership of {@code data} (released once written, or at
     * once if the session is closed). Any thread; never blocks.
     *
     * <p>To send one payload to many sockets, encode it once and pass each socket
     * {@code payload.retainedDuplicate()}, then release the original: over WebSocket nothing is copied
     * per recipient (a small frame header holding the {@code "4"} is written, then the duplicate itself);
     * over polling each recipient's payload is copied into its next poll response.
     *
     * @param data   the message: UTF-8 text, or bytes when {@code binary}
     * @param binary whether to send a binary message (WebSocket binary frame, base64 over polling)
     */
    public void send(ByteBuf data, boolean binary) {
        submit(data, binary, true);
    }

    /**
     * Like {@link #send} but without flushing: call {@link #flush()} once after a batch (e.g. once per
     * tick). Takes ownership of {@code data}.
     */
    public void write(ByteBuf data, boolean binary) {
        submit(data, binary, false);
    }

    /**
     * Writes complete WebSocket frames of message packets ({@code WebSocketFrames.ofMessages}), flushing if asked,
     * if this session's transport is a WebSocket on the session's own loop that sends frames as plain buffers.
     * A broadcast builds the frames once and hands them to every session this way; a session that cannot take
     * them (polling, compression, a WebSocket upgraded from a connection of another loop) takes the payloads
     * through {@link #write} or {@link #send}. Borrows {@code frames} (writes a retained duplicate). Any thread.
     *
     * @return false, having done nothing, when the payloads must be sent instead; true when written, or
     *         dropped because the session is closing or over {@link EngineIoOptions#maxWriteBufferBytes()}
     */
    public boolean writeWebSocketFrames(ByteBuf frames, boolean flush) {
        WebSocketTransport ws = directWebSocket;
        if (ws == null || !ws.sendsRawFrames()) {
            return false;
        }
        if (ws.queuedBytes() > server.options().maxWriteBufferBytes()) {
            execute(this::onWriteBufferFull);
        } else if (state == OPEN) {
            ws.writeFrames(frames.retainedDuplicate(), flush);
        }
        return true;
    }

    /** Flushes what {@link #write} queued. Any thread. */
    public void flush() {
        WebSocketTransport ws = directWebSocket;
        if (ws != null) {
            ws.flush();
        } else if (loop.inEventLoop()) {
            flushCurrentTransport();
        } else {
            execute(this::flushCurrentTransport);
        }
    }

    /** After an upgrade whose WebSocket lives on another loop, writes reach it through the session's loop. */
    private void flushCurrentTransport() {
        if (transport instanceof WebSocketTransport ws) {
            ws.flush();
        } else {
            flushPolling();
        }
    }

    /**
     * Whether the session is open and its transport is below its high water mark. A sender of
     * droppable (volatile) packets should drop them when this is false. Any thread; a hint.
     */
    public boolean isWritable() {
        Transport t = transport;
        return state == OPEN && !t.isBackpressured();
    }

    /**
     * Closes the session with {@link CloseReason#FORCED_CLOSE}: buffered packets and a close packet go
     * out first where the transport allows it. Any thread; idempotent.
     */
    public void close() {
        if (loop.inEventLoop()) {
            closeOrderly(CloseReason.FORCED_CLOSE);
        } else {
            execute(() -> closeOrderly(CloseReason.FORCED_CLOSE));
        }
    }

    // ---- package-private: driven by EngineIoServer and EngineIoRequestHandler on the session's loop ----

    /** The events sink for the transports of this session. */
    TransportEvents events() {
        return events;
    }

    /** Starts the session on {@code initial}: sends the open packet and schedules the first ping. */
    void open(Transport initial, String openPacketJson) {
        transport = initial;
        if (initial instanceof WebSocketTransport ws && ws.channel().eventLoop() == loop) {
            directWebSocket = ws;
        }
        sendPacket(PacketType.OPEN, Unpooled.copiedBuffer(openPacketJson, StandardCharsets.UTF_8), false, true);
        heartbeat.start();
    }

    /** Notifies the connection listener; separate from {@link #open} so the handshake is answered first. */
    void announce(ConnectionListener connectionListener) {
        if (state == OPEN) {
            LOG.debug("{} opened", this);
            connectionListener.onConnection(this);
        }
    }

    /** Whether a WebSocket may start an upgrade of this session now. Any thread; rechecked on the loop. */
    boolean acceptsUpgrade() {
        return state == OPEN && probe == null && transport instanceof PollingTransport
                && server.options().allowUpgrades();
    }

    /** A polling request of this session, on the session's loop. Takes ownership of {@code request}. */
    void onPollingRequest(Channel channel, FullHttpRequest request, HttpHeaders cors) {
        if (state == CLOSED || closeIfPongOverdue()) {
            EngineIoRequestHandler.refuse(channel, request, EngineIoError.UNKNOWN_SID, null, cors);
            return;
        }
        if (!(transport instanceof PollingTransport polling)) {
            EngineIoRequestHandler.refuse(channel, request, EngineIoError.BAD_REQUEST, null, cors);
            return;
        }
        if (request.method().equals(HttpMethod.GET)) {
            polling.onPollRequest(channel, request, cors);
        } else if (request.method().equals(HttpMethod.POST)) {
            POST_IN_FLIGHT.compareAndSet(this, channel, null);
            polling.onDataRequest(channel, request, cors);
        } else {
            EngineIoRequestHandler.refuse(channel, request, EngineIoError.BAD_REQUEST, null, cors);
        }
    }

    /** The head of a POST of this session arrived on {@code channel}; on that channel's loop. */
    void onPostHead(Channel channel) {
        Channel current = postInFlight;
        if (current != null && current != channel && current.isActive()) {
            execute(() -> onClose(CloseReason.TRANSPORT_ERROR));
        } else {
            POST_IN_FLIGHT.compareAndSet(this, current, channel);
        }
    }

    /** A POST of this session was larger than {@code maxHttpBufferSize}; on the session's loop. */
    void onOversizedPost() {
        onClose(CloseReason.TRANSPORT_ERROR);
    }

    /** A WebSocket with this session's id completed its handshake; on the session's loop. */
    void beginUpgrade(WebSocketTransport candidate) {
        if (!acceptsUpgrade()) {
            candidate.close(false);
            return;
        }
        probe = candidate;
        upgradeTimer = loop.schedule(this::cancelUpgrade, server.options().upgradeTimeoutMs(), TimeUnit.MILLISECONDS);
    }

    /** Closes at once with {@code reason} (server shutdown); on the session's loop. */
    void terminate(CloseReason reason) {
        onClose(reason);
    }

    // ---- the state machine, on the session's loop ----

    private void submit(ByteBuf data, boolean binary, boolean flush) {
        WebSocketTransport ws = directWebSocket;
        if (ws != null) {
            if (ws.queuedBytes() > server.options().maxWriteBufferBytes()) {
                data.release();
                execute(this::onWriteBufferFull);
            } else if (state == OPEN) {
                ws.write(PacketType.MESSAGE, data, binary, flush);
            } else {
                data.release();
            }
        } else if (loop.inEventLoop()) {
            sendPacket(PacketType.MESSAGE, data, binary, flush);
        } else {
            try {
                loop.execute(() -> sendPacket(PacketType.MESSAGE, data, binary, flush));
            } catch (RejectedExecutionException e) {
                data.release();
            }
        }
    }

    private void execute(Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException ignored) {
            // the loop is shutting down, and the session with it
        }
    }

    private void sendPacket(PacketType type, ByteBuf data, boolean binary, boolean flush) {
        if (state != OPEN) {
            if (data != null) {
                data.release();
            }
            return;
        }
        Transport t = transport;
        if (t instanceof WebSocketTransport ws) {
            if (ws.queuedBytes() > server.options().maxWriteBufferBytes()) {
                data.release();
                onWriteBufferFull();
                return;
            }
            ws.write(type, data, binary, flush);
            return;
        }
        if (writeBuffer == null) {
            writeBuffer = new ArrayDeque<>(4);
        }
        OutboundPacket packet = new OutboundPacket(type, data, binary);
        writeBuffer.add(packet);
        bufferedBytes += packet.size() + 1;
        ((PollingTransport) t).bufferedBytes(bufferedBytes);
        if (bufferedBytes > server.options().maxWriteBufferBytes()) {
            onWriteBufferFull();
            return;
        }
        if (flush) {
            flushPolling();
        }
    }

    private void flushPolling() {
        if (transport instanceof PollingTransport polling && polling.isWritable()
                && writeBuffer != null && !writeBuffer.isEmpty()) {
            polling.send(writeBuffer);
            bufferedBytes = 0;
        }
    }

    /** The client reads too slowly for what it is sent: drop what is queued and close; on the session's loop. */
    private void onWriteBufferFull() {
        if (state == CLOSED) {
            return;
        }
        LOG.info("{} closed: more than maxWriteBufferBytes {} queued for a client that does not read", this,
                server.options().maxWriteBufferBytes());
        if (transport instanceof WebSocketTransport ws) {
            ws.channel().close(); // at once: a close frame would queue behind what the client does not read
        }
        onClose(CloseReason.TRANSPORT_ERROR);
    }

    /** Sends a ping; for {@link Heartbeat}. */
    void sendPing() {
        sendPacket(PacketType.PING, null, false, true);
    }

    /** No pong came in time; for {@link Heartbeat}. */
    void onHeartbeatTimeout() {
        onClose(CloseReason.PING_TIMEOUT);
    }

    /** Closes with {@link CloseReason#PING_TIMEOUT} if the pong deadline has passed; see {@link Heartbeat}. */
    private boolean closeIfPongOverdue() {
        if (heartbeat.isPongOverdue()) {
            onClose(CloseReason.PING_TIMEOUT);
            return true;
        }
        return false;
    }

    private void onPacket(Transport source, PacketType type, ByteBuf data, boolean binary) {
        if (source == probe) {
            onProbePacket(type, data);
            return;
        }
        if (source != transport || state != OPEN || closeIfPongOverdue()) {
            return;
        }
        if (type != PacketType.PONG) {
            heartbeat.onOtherPacket();
        }
        switch (type) {
            case PONG -> heartbeat.onPong();
            case MESSAGE -> deliverMessage(data == null ? Unpooled.EMPTY_BUFFER : data, binary);
            case PING -> onClose(CloseReason.TRANSPORT_ERROR); // v4 pings go server to client only
            case CLOSE -> onClose(CloseReason.TRANSPORT_CLOSE);
            default -> {
                // open, upgrade and noop carry nothing for an open session
            }
        }
    }

    private void deliverMessage(ByteBuf data, boolean binary) {
        try {
            listener.onMessage(this, data, binary);
        } catch (RuntimeException e) {
            server.reportListenerFailure(this, e);
        }
    }

    private void onProbePacket(PacketType type, ByteBuf data) {
        WebSocketTransport candidate = probe;
        if (type == PacketType.PING && data != null && isProbe(data)) {
            candidate.write(PacketType.PONG, Unpooled.wrappedBuffer(PROBE), false, true);
            probed = true;
            answerPollDuringUpgrade();
        } else if (type == PacketType.UPGRADE && state != CLOSED) {
            completeUpgrade(candidate);
        } else {
            cancelUpgrade();
        }
    }

    private static boolean isProbe(ByteBuf data) {
        if (data.readableBytes() != PROBE.length) {
            return false;
        }
        for (int i = 0; i < PROBE.length; i++) {
            if (data.getByte(data.readerIndex() + i) != PROBE[i]) {
                return false;
            }
        }
        return true;
    }

    /** After the probe, a poll is answered at once (buffered packets, else a noop) so the client can pause. */
    private void answerPollDuringUpgrade() {
        if (transport instanceof PollingTransport polling && polling.isWritable()) {
            if (writeBuffer != null && !writeBuffer.isEmpty()) {
                flushPolling();
            } else {
                polling.sendNoop();
            }
        }
    }

    private void completeUpgrade(WebSocketTransport ws) {
        stopUpgradeTimer();
        probe = null;
        probed = false;
        PollingTransport polling = (PollingTransport) transport;
        polling.refusePoll(HttpResponseStatus.BAD_REQUEST,
                Unpooled.wrappedBuffer(EngineIoError.BAD_REQUEST.jsonBody(null)));
        polling.close(false);
        transport = ws;
        if (ws.channel().eventLoop() == loop) {
            directWebSocket = ws;
        }
        if (writeBuffer != null) {
            OutboundPacket p;
            while ((p = writeBuffer.poll()) != null) {
                ws.write(p.type(), p.data(), p.binary(), false);
            }
            writeBuffer = null;
            bufferedBytes = 0;
        }
        ws.flush();
        try {
            listener.onUpgrade(this);
        } catch (RuntimeException e) {
            server.reportListenerFailure(this, e);
        }
        if (state == CLOSING) {
            onClose(pendingCloseReason);
        }
    }

    private void cancelUpgrade() {
        stopUpgradeTimer();
        WebSocketTransport candidate = probe;
        probe = null;
        probed = false;
        if (candidate != null) {
            candidate.close(false);
        }
    }

    private void stopUpgradeTimer() {
        if (upgradeTimer != null) {
            upgradeTimer.cancel(false);
            upgradeTimer = null;
        }
        if (latePollTimer != null) {
            latePollTimer.cancel(false);
            latePollTimer = null;
        }
    }

    private void onWritable(Transport source) {
        if (source != transport || state == CLOSED) {
            return;
        }
        if (state == CLOSING) {
            sendPacketIgnoringState(PacketType.CLOSE);
            onClose(pendingCloseReason);
        } else if (probed) {
            if (writeBuffer != null && !writeBuffer.isEmpty()) {
                flushPolling();
            } else {
                latePollTimer = loop.schedule(this::answerPollDuringUpgrade, LATE_POLL_HOLD_MS,
                        TimeUnit.MILLISECONDS);
            }
        } else {
            flushPolling();
        }
    }

    private void sendPacketIgnoringState(PacketType type) {
        if (writeBuffer == null) {
            writeBuffer = new ArrayDeque<>(1);
        }
        writeBuffer.add(new OutboundPacket(type, null, false));
        ((PollingTransport) transport).send(writeBuffer);
        bufferedBytes = 0;
    }

    private void closeOrderly(CloseReason reason) {
        if (state != OPEN) {
            return;
        }
        Transport t = transport;
        if (t instanceof WebSocketTransport ws) {
            ws.flush();
            onClose(reason);
            return;
        }
        PollingTransport polling = (PollingTransport) t;
        if (polling.isWritable()) {
            sendPacketIgnoringState(PacketType.CLOSE);
            onClose(reason);
            return;
        }
        state = CLOSING;
        pendingCloseReason = reason;
        long graceMs = server.options().pingIntervalMs() + server.options().pingTimeoutMs();
        closeTimer = loop.schedule(() -> onClose(reason), graceMs, TimeUnit.MILLISECONDS);
    }

    private void onClose(CloseReason reason) {
        if (state == CLOSED) {
            return;
        }
        state = CLOSED;
        closeReason = reason;
        directWebSocket = null;
        heartbeat.stop();
        if (closeTimer != null) {
            closeTimer.cancel(false);
        }
        cancelUpgrade();
        if (writeBuffer != null) {
            OutboundPacket p;
            while ((p = writeBuffer.poll()) != null) {
                p.release();
            }
        }
        transport.close(true);
        server.unregister(this);
        LOG.debug("{} closed: {}", this, reason);
        try {
            listener.onClose(this, reason);
        } catch (RuntimeException e) {
            server.reportListenerFailure(this, e);
        }
    }

    /** {@code sid=… address=… transport=…}: the context of every connection-level log line. */
    @Override
    public String toString() {
        return "sid=" + id + " address=" + handshake.remoteIp() + " transport=" + transport.name();
    }

    /** The transports' view of this session; a separate object so that these methods stay private. */
    private final class Events implements TransportEvents {
        @Override
        public void onPacket(Transport source, PacketType type, ByteBuf data, boolean binary) {
            EngineIoSocket.this.onPacket(source, type, data, binary);
        }

        @Override
        public void onParseError(Transport source) {
            if (source == probe) {
                cancelUpgrade();
            } else if (source == transport) {
                onClose(CloseReason.PARSE_ERROR);
            }
        }

        @Override
        public void onTransportError(Transport source, String description) {
            if (source == probe) {
                cancelUpgrade();
            } else if (source == transport) {
                onClose(CloseReason.TRANSPORT_ERROR);
            }
        }

        @Override
        public void onTransportClose(Transport source) {
            if (source == probe) {
                cancelUpgrade();
            } else if (source == transport) {
                onClose(CloseReason.TRANSPORT_CLOSE);
            }
        }

        @Override
        public void onWritable(Transport source) {
            EngineIoSocket.this.onWritable(source);
        }
    }
}
