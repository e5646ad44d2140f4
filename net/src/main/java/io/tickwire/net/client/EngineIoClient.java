package io.tickwire.net.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.tickwire.net.engineio.PacketType;
import io.tickwire.net.engineio.transport.OutboundPacket;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * One Engine.IO v4 session, client side: the handshake on the first transport, heartbeat answering (a PONG
 * for every PING, and the session is declared dead when no PING came for pingInterval + pingTimeout), the
 * upgrade from polling to WebSocket ("Upgrade" section: probe, pause polling, UPGRADE packet), and close.
 *
 * <pre>
 *   open() ─▶ transport[0] ─OPEN─▶ listener.onOpen ─▶ (polling) probe WebSocket: 2probe / 3probe
 *                                                       └▶ pause polling ─▶ 5 on WebSocket ─▶ switch
 *   PING ─▶ PONG, reset timer        MESSAGE ─▶ listener.onMessage        error/CLOSE ─▶ listener.onClose once
 * </pre>
 *
 * Not thread-safe: every method runs on the manager's event loop, and every listener call comes from it.
 */
final class EngineIoClient implements TransportSink {
    /** Session events, on the event loop. */
    interface Listener {
        void onOpen();

        /** @param data borrowed (does not retain) */
        void onMessage(ByteBuf data, boolean binary);

        /** Called once; {@code reason} is socket.io-client's ("ping timeout", "transport close", ...). */
        void onClose(String reason, Throwable cause);

        void onTraffic(long bytesIn, long bytesOut);
    }

    private static final ByteBuf PROBE = Unpooled.unreleasableBuffer(
            Unpooled.copiedBuffer("probe", StandardCharsets.US_ASCII).asReadOnly());

    private enum State { OPENING, OPEN, CLOSED }

    private final EventLoop loop;
    private final ServerEndpoint endpoint;
    private final ClientOptions options;
    private final ByteBufAllocator alloc;
    private final Listener listener;
    private final ArrayDeque<OutboundPacket> heldDuringUpgrade = new ArrayDeque<>();
    private State state = State.OPENING;
    private ClientTransport transport;
    private WebSocketClientTransport probe;
    private boolean upgrading;
    private int corkDepth;
    private OpenHandshake handshake;
    private ScheduledFuture<?> pingDeadline;

    EngineIoClient(EventLoop loop, ServerEndpoint endpoint, ClientOptions options, ByteBufAllocator alloc,
                   Listener listener) {
        this.loop = loop;
        this.endpoint = endpoint;
        this.options = options;
        this.alloc = alloc;
        this.listener = listener;
    }

    void open() {
        TransportType first = options.transports().get(0);
        transport = first == TransportType.POLLING
                ? new PollingClientTransport(this, loop, endpoint, options.maxPayloadBytes(), alloc)
                : new WebSocketClientTransport(this, loop, endpoint, options.maxPayloadBytes(), alloc, null);
        transport.open();
    }

    /** The session id, or null before the handshake. */
    String sid() {
        return handshake == null ? null : handshake.sid();
    }

    /** The transport in use now. */
    TransportType transportType() {
        return transport.type();
    }

    boolean isOpen() {
        return state == State.OPEN;
    }

    /**
     * Sends one message.
     *
     * @param data takes ownership
     */
    void send(ByteBuf data, boolean binary) {
        if (state != State.OPEN) {
            data.release();
        } else if (upgrading) {
            heldDuringUpgrade.add(new OutboundPacket(PacketType.MESSAGE, data, binary));
        } else {
            transport.write(PacketType.MESSAGE, data, binary);
        }
    }

    /**
     * Holds the messages {@link #send} writes from now until the matching {@link #uncork()}, so that several
     * go out in one write (one system call, or one POST). Nests.
     */
    void cork() {
        corkDepth++;
    }

    /** Ends a {@link #cork()}; the outermost one sends what was held. */
    void uncork() {
        if (--corkDepth == 0 && transport != null && state == State.OPEN) {
            transport.flush();
        }
    }

    /** Whether messages are held for a batch; the transports ask on every write. */
    boolean corked() {
        return corkDepth > 0;
    }

    /** Closes the session from this side (socket.io-client's "forced close"). */
    void close() {
        if (state != State.CLOSED && transport != null) {
            transport.close(state == State.OPEN);
        }
        closeWith("forced close", null);
    }

    @Override
    public void onTransportOpen(ClientTransport t) {
        if (t == probe) {
            probe.write(PacketType.PING, PROBE.duplicate(), false);
        }
    }

    @Override
    public void onTransportPacket(ClientTransport t, PacketType type, ByteBuf data, boolean binary) {
        if (t == probe) {
            if (type == PacketType.PONG && data != null && data.equals(PROBE)) {
                upgrading = true;
                transport.pause(this::finishUpgrade);
            } else {
                abandonProbe();
            }
            return;
        }
        if (t != transport || state == State.CLOSED) {
            return;
        }
        switch (type) {
            case OPEN -> onOpenPacket(data);
            case PING -> {
                armPingDeadline();
                transport.write(PacketType.PONG, null, false);
            }
            case MESSAGE -> {
                if (state == State.OPEN) {
                    listener.onMessage(data == null ? Unpooled.EMPTY_BUFFER : data, binary);
                }
            }
            case CLOSE -> closeWith("transport close", null);
            default -> { }
        }
    }

    private void onOpenPacket(ByteBuf data) {
        try {
            handshake = OpenHandshake.parse(data == null ? "" : data.toString(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            closeWith("parse error", e);
            return;
        }
        state = State.OPEN;
        armPingDeadline();
        listener.onOpen();
        if (state == State.OPEN && transport.type() == TransportType.POLLING && options.upgrade()
                && options.transports().contains(TransportType.WEBSOCKET)
                && handshake.upgrades().contains(TransportType.WEBSOCKET.wireName())) {
            probe = new WebSocketClientTransport(this, loop, endpoint, options.maxPayloadBytes(), alloc,
                    handshake.sid());
            probe.open();
        }
    }

    private void finishUpgrade() {
        if (probe == null || state != State.OPEN) {
            return;
        }
        ClientTransport polling = transport;
        transport = probe;
        probe = null;
        transport.write(PacketType.UPGRADE, null, false);
        polling.close(false);
        upgrading = false;
        OutboundPacket held;
        while ((held = heldDuringUpgrade.poll()) != null) {
            transport.write(held.type(), held.data(), held.binary());
        }
    }

    private void abandonProbe() {
        if (probe != null) {
            probe.close(false);
            probe = null;
        }
        if (upgrading) {
            closeWith("transport error", new IllegalStateException("upgrade failed after polling was paused"));
        }
    }

    private void armPingDeadline() {
        if (pingDeadline != null) {
            pingDeadline.cancel(false);
        }
        pingDeadline = loop.schedule(() -> closeWith("ping timeout", null),
                handshake.pingIntervalMs() + handshake.pingTimeoutMs(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void onTransportClose(ClientTransport t, String reason, Throwable cause) {
        if (t == probe) {
            abandonProbe();
        } else if (t == transport) {
            closeWith(reason, cause);
        }
    }

    @Override
    public void onTraffic(long bytesIn, long bytesOut) {
        listener.onTraffic(bytesIn, bytesOut);
    }

    private void closeWith(String reason, Throwable cause) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        if (pingDeadline != null) {
            pingDeadline.cancel(false);
        }
        if (transport != null) {
            transport.close(false);
        }
        if (probe != null) {
            probe.close(false);
            probe = null;
        }
        OutboundPacket held;
        while ((held = heldDuringUpgrade.poll()) != null) {
            held.release();
        }
        listener.onClose(reason, cause);
    }
}
