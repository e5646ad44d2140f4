package io.tickwire.net.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.ScheduledFuture;
import io.tickwire.net.socketio.parser.EncodedPacket;
import io.tickwire.net.socketio.parser.MalformedPacketException;
import io.tickwire.net.socketio.parser.MapValue;
import io.tickwire.net.socketio.parser.MsgpackEventPeek;
import io.tickwire.net.socketio.parser.Packet;
import io.tickwire.net.socketio.parser.PacketDecoder;
import io.tickwire.net.socketio.parser.PacketParsers;
import io.tickwire.net.socketio.parser.ParserKind;
import io.tickwire.net.socketio.parser.ParserOptions;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One Engine.IO connection shared by the namespace sockets it multiplexes, socket.io-client's {@code Manager}:
 * it opens the connection, encodes and decodes packets with the chosen parser, routes them by namespace, and
 * reconnects with exponential backoff and jitter after losing the connection (unless it was closed on purpose).
 *
 * <pre>
 *   ClientSocket("/a") ─┐                 ┌─ PollingClientTransport ─┐
 *   ClientSocket("/b") ─┼─ Manager ─ EngineIoClient ─┤                          ├─ server
 *                       │  (codec, backoff)          └─ WebSocketClientTransport ┘
 * </pre>
 *
 * <p>Threading: a manager is bound to one event loop of the group passed in (many managers share a group;
 * no thread is created per connection). All its state lives on that loop and every listener runs there.
 * Public methods may be called from any thread. Traffic figures are readable from any thread.
 */
public final class Manager implements AutoCloseable {
    private static final PacketParsers PARSERS = new PacketParsers(ParserOptions.defaults(), ByteBufAllocator.DEFAULT);

    private final EventLoop loop;
    private final ServerEndpoint endpoint;
    private final ClientOptions options;
    private final ManagerListener listener;
    private final Backoff backoff;
    private final Map<String, ClientSocket> sockets = new ConcurrentHashMap<>();
    /** The values of {@link #sockets}, for the per-message path (no iterator); replaced when one is added. */
    private volatile ClientSocket[] socketList = new ClientSocket[0];
    /** One per thread (per event loop), shared by its managers, so that it stays in the cache. */
    private static final FastThreadLocal<MsgpackEventPeek> PEEKS = new FastThreadLocal<>() {
        @Override
        protected MsgpackEventPeek initialValue() {
            return new MsgpackEventPeek(PARSERS.options());
        }
    };
    private volatile EngineIoClient engine;
    private PacketDecoder decoder;
    private ScheduledFuture<?> openDeadline;
    private boolean opening;
    private volatile boolean open;
    private boolean reconnecting;
    private boolean skipReconnect;
    private volatile String engineSid;
    private volatile long bytesReceived;
    private volatile long bytesSent;
    /** Set once a socket has a binary listener and the parser is msgpack: binary messages are peeked at first. */
    private volatile boolean peekBinaryEvents;

    /**
     * @param url   {@code http://host:port} of the server (its path is ignored: namespaces come from {@link #socket})
     * @param group    the event loop group to run on; not owned (the caller shuts it down)
     * @param listener connection-level events, may be null
     * @throws IllegalArgumentException for an unsupported URL
     */
    public Manager(URI url, ClientOptions options, EventLoopGroup group, ManagerListener listener) {
        this.loop = group.next();
        this.endpoint = new ServerEndpoint(url, options, group);
        this.options = options;
        this.listener = listener == null ? new ManagerListener() { } : listener;
        this.backoff = new Backoff(options.reconnectionDelayMs(), options.reconnectionDelayMaxMs(),
                options.randomizationFactor(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /** A manager without a listener; see {@link #Manager(URI, ClientOptions, EventLoopGroup, ManagerListener)}. */
    public Manager(URI url, ClientOptions options, EventLoopGroup group) {
        this(url, options, group, null);
    }

    /**
     * socket.io-client's {@code io(url, options)}: a new manager for {@code url} and a connecting socket for the
     * namespace in the URL's path ("/" when none).
     */
    public static ClientSocket connect(URI url, ClientOptions options, EventLoopGroup group) {
        String path = url.getPath();
        String namespace = path == null || path.isEmpty() ? "/" : path;
        return new Manager(url, options, group).socket(namespace).connect();
    }

    /** The socket of {@code namespace} (one per namespace; auth from the options), not yet connected. */
    public ClientSocket socket(String namespace) {
        return socket(namespace, options.auth());
    }

    /** The socket of {@code namespace} with its own CONNECT payload ({@code auth} may be null). */
    public ClientSocket socket(String namespace, MapValue auth) {
        if (!namespace.startsWith("/")) {
            throw new IllegalArgumentException("namespace must start with \"/\": " + namespace);
        }
        return sockets.computeIfAbsent(namespace, ns -> {
            ClientSocket socket = new ClientSocket(this, ns, auth);
            synchronized (sockets) {
                ClientSocket[] list = Arrays.copyOf(socketList, socketList.length + 1);
                list[list.length - 1] = socket;
                socketList = list;
            }
            return socket;
        });
    }

    /** The options this manager was built with. */
    public ClientOptions options() {
        return options;
    }

    /** The event loop this manager and its sockets run on. */
    public EventLoop eventLoop() {
        return loop;
    }

    /** The transport in use, or null when not connected; any thread (a snapshot). */
    public TransportType transport() {
        EngineIoClient e = engine;
        return e == null || !open ? null : e.transportType();
    }

    /** Engine.IO bytes received so far (payloads and frames, without HTTP/WebSocket headers). */
    public long bytesReceived() {
        return bytesReceived;
    }

    /** Engine.IO bytes sent so far, counted as {@link #bytesReceived()}. */
    public long bytesSent() {
        return bytesSent;
    }

    /** Opens the connection if it is not open or opening (sockets do this on {@code connect()}). */
    public void open() {
        onLoop(() -> {
            skipReconnect = false;
            openNow();
        });
    }

    /**
     * Runs {@code emits} on this manager's event loop (at once when called there) and sends every packet
     * its sockets emit during it together: one write and one system call over WebSocket, one POST over
     * polling, instead of one per packet. For a client that sends several messages at the same moment (a
     * bot's input and its action). Packets are sent in emit order, as without a batch; batches nest.
     */
    public void batch(Runnable emits) {
        if (!loop.inEventLoop()) {
            loop.execute(() -> batch(emits));
            return;
        }
        EngineIoClient session = engine;
        if (session == null || !open) {
            emits.run();
            return;
        }
        session.cork();
        try {
            emits.run();
        } finally {
            session.uncork();
        }
    }

    /** Closes the connection for good: no reconnection; sockets see "io client disconnect". */
    @Override
    public void close() {
        onLoop(() -> {
            skipReconnect = true;
            reconnecting = false;
            if (engine != null) {
                engine.close();
            }
        });
    }

    boolean isOpen() {
        return open;
    }

    /** The Engine.IO session id while open, else null (tests use it to find the session on the server). */
    String engineSid() {
        return engineSid;
    }

    private void openNow() {
        if (opening || open) {
            return;
        }
        opening = true;
        decoder = PARSERS.newDecoder(options.parser());
        EngineIoClient session = new EngineIoClient(loop, endpoint, options, ByteBufAllocator.DEFAULT, new Session());
        engine = session;
        openDeadline = loop.schedule(() -> {
            if (engine == session && !open) {
                session.close();
            }
        }, options.timeoutMs(), TimeUnit.MILLISECONDS);
        session.open();
    }

    /** A socket got a binary listener: with the msgpack parser, binary events are peeked at from now on. */
    void binaryListenerAdded() {
        if (options.parser() == ParserKind.MSGPACK) {
            peekBinaryEvents = true;
        }
    }

    /** Encodes and sends {@code packet}; dropped when the connection is not open. Event loop only. */
    void packet(Packet packet) {
        EngineIoClient e = engine;
        if (e == null || !open) {
            return;
        }
        EncodedPacket encoded = PARSERS.encode(packet, options.parser());
        try {
            for (int i = 0; i < encoded.frameCount(); i++) {
                e.send(encoded.frame(i).retainedDuplicate(), encoded.isBinary(i));
            }
        } finally {
            encoded.release();
        }
    }

    /** A socket left its namespace: close the connection when none is in use any more (as socket.io-client). */
    void onSocketInactive() {
        for (ClientSocket s : sockets.values()) {
            if (s.active()) {
                return;
            }
        }
        skipReconnect = true;
        if (engine != null) {
            engine.close();
        }
    }

    private void reconnect() {
        if (reconnecting || skipReconnect) {
            return;
        }
        if (backoff.attempts() >= options.reconnectionAttempts()) {
            backoff.reset();
            listener.onReconnectFailed();
            return;
        }
        reconnecting = true;
        long delayMs = backoff.nextDelayMs();
        loop.schedule(() -> {
            if (skipReconnect || !reconnecting) {
                return;
            }
            listener.onReconnectAttempt(backoff.attempts());
            openNow();
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    private void onLoop(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }

    /** The manager's view of its Engine.IO session. */
    private final class Session implements EngineIoClient.Listener {
        @Override
        public void onOpen() {
            opening = false;
            open = true;
            engineSid = engine.sid();
            openDeadline.cancel(false);
            listener.onOpen();
            if (reconnecting) {
                int attempts = backoff.attempts();
                reconnecting = false;
                backoff.reset();
                listener.onReconnect(attempts);
            }
            for (ClientSocket s : sockets.values().toArray(new ClientSocket[0])) {
                s.onManagerOpen();
            }
        }

        @Override
        public void onMessage(ByteBuf data, boolean binary) {
            MsgpackEventPeek events;
            if (binary && peekBinaryEvents && (events = PEEKS.get()).read(data)) {
                for (ClientSocket socket : socketList) {
                    if (socket.isNamespaceOf(events)) {
                        if (socket.deliverPeeked(events)) {
                            return;
                        }
                        break;
                    }
                }
            }
            Packet packet;
            try {
                packet = decoder.decode(data, binary);
            } catch (MalformedPacketException e) {
                engine.close();
                return;
            }
            if (packet != null) {
                ClientSocket socket = sockets.get(packet.namespace());
                if (socket != null) {
                    socket.onPacket(packet);
                }
            }
        }

        @Override
        public void onClose(String reason, Throwable cause) {
            boolean wasOpen = open;
            opening = false;
            open = false;
            engine = null;
            engineSid = null;
            openDeadline.cancel(false);
            if (wasOpen) {
                String why = reason.equals("forced close") ? "io client disconnect" : reason;
                listener.onClose(why);
                for (ClientSocket s : sockets.values().toArray(new ClientSocket[0])) {
                    s.onManagerClose(why);
                }
                if (!skipReconnect && options.reconnection()) {
                    backoff.reset();
                    reconnect();
                }
                return;
            }
            if (reason.equals("forced close") && skipReconnect) {
                return;
            }
            String message = reason.equals("forced close") ? "timeout" : reason;
            ConnectErrorException error = new ConnectErrorException(message, null, false, cause);
            listener.onError(error);
            for (ClientSocket s : sockets.values().toArray(new ClientSocket[0])) {
                s.onManagerError(error);
            }
            reconnecting = false;
            if (!skipReconnect && options.reconnection()) {
                reconnect();
            }
        }

        @Override
        public void onTraffic(long bytesIn, long bytesOut) {
            bytesReceived += bytesIn;
            bytesSent += bytesOut;
        }
    }
}
