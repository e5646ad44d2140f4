package io.tickwire.net.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.tickwire.net.socketio.AckTimeoutException;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.MapValue;
import io.tickwire.net.socketio.parser.MsgpackEventPeek;
import io.tickwire.net.socketio.parser.Packet;
import io.tickwire.net.socketio.parser.Value;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One namespace of a {@link Manager}'s connection, socket.io-client's {@code Socket}: CONNECT with the auth
 * payload (plus {@code pid}/{@code offset} for connection state recovery), events both ways, acknowledgements
 * both ways with timeouts, and reconnection with its manager.
 *
 * <p>Threading: every method may be called from any thread; the work runs on the manager's event loop, where
 * every listener is called. Emitting never blocks. Emits made while not connected are kept (up to
 * {@link ClientOptions#maxBufferedPackets()}) and sent on connect, as socket.io-client's send buffer; events
 * that arrive before the CONNECT reply (a recovering server replays missed events first) are kept the same
 * way and delivered on connect, before the connect listeners run.
 */
public final class ClientSocket {
    private final Manager manager;
    private final EventLoop loop;
    private final String namespace;
    private final MapValue auth;
    private final long defaultAckTimeoutMs;
    private final byte[] namespaceUtf8;
    private final Map<String, List<ClientEventListener>> listeners = new ConcurrentHashMap<>();
    /** Copied on every change (rare), read on every event without a lock. */
    private volatile BinaryHandler[] binaryHandlers = new BinaryHandler[0];
    private final List<Runnable> connectListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> disconnectListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ConnectErrorException>> connectErrorListeners = new CopyOnWriteArrayList<>();
    private final Map<Long, PendingAck> acks = new HashMap<>();
    private final ArrayDeque<PendingEmit> sendBuffer = new ArrayDeque<>();
    /** Events that came before the CONNECT reply (a recovering server replays missed events first). */
    private final ArrayDeque<Packet> receiveBuffer = new ArrayDeque<>();
    private volatile String id;
    private volatile boolean connected;
    private volatile boolean recovered;
    private boolean active;
    /** A CONNECT went out and neither its answer nor the connection's loss came yet. */
    private boolean connectPending;
    private String pid;
    private String lastOffset;
    private long nextAckId;

    ClientSocket(Manager manager, String namespace, MapValue auth) {
        this.manager = manager;
        this.loop = manager.eventLoop();
        this.namespace = namespace;
        this.namespaceUtf8 = namespace.getBytes(StandardCharsets.UTF_8);
        this.auth = auth;
        this.defaultAckTimeoutMs = manager.options().ackTimeoutMs();
    }

    /** The session id the server gave this socket, or null while not connected. */
    public String id() {
        return id;
    }

    /** Whether the namespace is connected now (a snapshot; any thread). */
    public boolean connected() {
        return connected;
    }

    /** Whether the last connection recovered the previous session (same id, missed events replayed). */
    public boolean recovered() {
        return recovered;
    }

    /** The namespace, starting with "/". */
    public String namespace() {
        return namespace;
    }

    /** The manager (socket.io-client's {@code socket.io}). */
    public Manager io() {
        return manager;
    }

    /** Adds a listener for {@code event}. */
    public ClientSocket on(String event, ClientEventListener listener) {
        listeners.computeIfAbsent(event, e -> new CopyOnWriteArrayList<>()).add(listener);
        markDecodedEvents(event);
        return this;
    }

    /** Removes one listener of {@code event}; a listener not registered is ignored. */
    public ClientSocket off(String event, ClientEventListener listener) {
        List<ClientEventListener> list = listeners.get(event);
        if (list != null && list.remove(listener)) {
            markDecodedEvents(event);
        }
        return this;
    }

    /**
     * Adds a listener for {@code event} that gets the event's first argument as bytes, when it is binary
     * (events whose first argument is anything else do not reach it; other arguments are not given). With the
     * msgpack parser, an event that has only binary listeners is read straight from the received frame: no
     * {@code Value} tree, no copy of the bytes, no allocation but the slice handed over. With the default
     * parser the event is decoded as usual and the listener gets its bytes. Listeners added with {@link #on}
     * for the same event still get every event.
     */
    public ClientSocket onBinary(String event, BinaryEventListener listener) {
        BinaryHandler handler = new BinaryHandler(event, listener);
        synchronized (this) {
            BinaryHandler[] now = binaryHandlers;
            BinaryHandler[] more = Arrays.copyOf(now, now.length + 1);
            more[now.length] = handler;
            binaryHandlers = more;
        }
        markDecodedEvents(event);
        manager.binaryListenerAdded();
        return this;
    }

    /** Tells the binary handlers of {@code event} whether it also has listeners that need it decoded. */
    private synchronized void markDecodedEvents(String event) {
        List<ClientEventListener> list = listeners.get(event);
        boolean decoded = list != null && !list.isEmpty();
        for (BinaryHandler handler : binaryHandlers) {
            if (handler.event.equals(event)) {
                handler.alsoDecoded = decoded;
            }
        }
    }

    /** Removes one listener added with {@link #onBinary}; a listener not registered is ignored. */
    public synchronized ClientSocket offBinary(String event, BinaryEventListener listener) {
        BinaryHandler[] now = binaryHandlers;
        for (int i = 0; i < now.length; i++) {
            if (now[i].event.equals(event) && now[i].listener == listener) {
                BinaryHandler[] fewer = new BinaryHandler[now.length - 1];
                System.arraycopy(now, 0, fewer, 0, i);
                System.arraycopy(now, i + 1, fewer, i, now.length - i - 1);
                binaryHandlers = fewer;
                break;
            }
        }
        return this;
    }

    /** Called on every (re)connection of this namespace. */
    public ClientSocket onConnect(Runnable listener) {
        connectListeners.add(listener);
        return this;
    }

    /** Called with socket.io-client's reason ("io server disconnect", "transport close", "ping timeout", ...). */
    public ClientSocket onDisconnect(Consumer<String> listener) {
        disconnectListeners.add(listener);
        return this;
    }

    /** Called when connecting failed: refused by the server, or the manager's attempt failed (see the exception). */
    public ClientSocket onConnectError(Consumer<ConnectErrorException> listener) {
        connectErrorListeners.add(listener);
        return this;
    }

    /** Connects this namespace, opening the manager's connection if needed (also after {@link Manager#close()}). */
    public ClientSocket connect() {
        onLoop(() -> {
            if (connected) {
                return;
            }
            active = true;
            if (!manager.isOpen()) {
                manager.open();
            } else if (!connectPending) {
                sendConnect();
            }
        });
        return this;
    }

    /** Leaves the namespace (DISCONNECT packet); closes the manager when no other namespace is in use. */
    public ClientSocket disconnect() {
        onLoop(() -> {
            boolean wasConnected = connected;
            if (wasConnected) {
                manager.packet(Packet.disconnect(namespace));
            }
            active = false;
            if (wasConnected) {
                onClose("io client disconnect");
            }
            failPending("socket has been disconnected");
            manager.onSocketInactive();
        });
        return this;
    }

    /**
     * Emits {@code event}; when the last argument is a {@link ClientAckCallback} it receives the server's
     * acknowledgement (timeout: {@link ClientOptions#ackTimeoutMs()}, none when 0).
     *
     * @throws IllegalArgumentException if an argument is not convertible by {@code Value.from}
     */
    public void emit(String event, Object... args) {
        if (args.length > 0 && args[args.length - 1] instanceof ClientAckCallback callback) {
            emitWithCallback(event, callback, defaultAckTimeoutMs, args, args.length - 1);
        } else {
            send(new PendingEmit(eventList(event, args, args.length), null, 0));
        }
    }

    /** Emits {@code event} and completes with the acknowledgement's arguments (on the event loop). */
    public CompletableFuture<ListValue> emitWithAck(String event, Object... args) {
        return timeout(defaultAckTimeoutMs).emitWithAck(event, args);
    }

    /** Emits with an acknowledgement timeout of {@code timeoutMs} (0: none). */
    public ClientEmitter timeout(long timeoutMs) {
        return new ClientEmitter(this, timeoutMs);
    }

    void emitWithCallback(String event, ClientAckCallback callback, long timeoutMs, Object[] args, int argCount) {
        send(new PendingEmit(eventList(event, args, argCount), callback, timeoutMs));
    }

    private static ListValue eventList(String event, Object[] args, int argCount) {
        ListValue.Builder list = ListValue.builder(argCount + 1).add(event);
        for (int i = 0; i < argCount; i++) {
            list.add(Value.from(args[i]));
        }
        return list.build();
    }

    private void send(PendingEmit emit) {
        onLoop(() -> {
            if (connected) {
                transmit(emit);
            } else if (sendBuffer.size() < manager.options().maxBufferedPackets()) {
                sendBuffer.add(emit);
            } else if (emit.callback != null) {
                emit.callback.onAck(new IllegalStateException("send buffer full, emit dropped"), null);
            }
        });
    }

    private void transmit(PendingEmit emit) {
        long ackId = Packet.NO_ACK;
        if (emit.callback != null) {
            ackId = nextAckId++;
            PendingAck pending = new PendingAck(emit.callback);
            if (emit.timeoutMs > 0) {
                long id = ackId;
                pending.timer = loop.schedule(() -> {
                    if (acks.remove(id) != null) {
                        emit.callback.onAck(new AckTimeoutException(), null);
                    }
                }, emit.timeoutMs, TimeUnit.MILLISECONDS);
            }
            acks.put(ackId, pending);
        }
        manager.packet(Packet.event(namespace, ackId, emit.nameAndArgs));
    }

    // ---- called by the manager, on the event loop ----

    boolean active() {
        return active;
    }

    void onManagerOpen() {
        if (active && !connected) {
            sendConnect();
        }
    }

    void onManagerClose(String reason) {
        connectPending = false;
        if (connected) {
            onClose(reason);
        }
    }

    void onManagerError(ConnectErrorException error) {
        connectPending = false;
        if (!connected) {
            for (Consumer<ConnectErrorException> l : connectErrorListeners) {
                l.accept(error);
            }
        }
    }

    private void sendConnect() {
        Value data = auth;
        if (pid != null) {
            MapValue.Builder withSession = MapValue.builder();
            if (auth != null) {
                for (int i = 0; i < auth.size(); i++) {
                    withSession.put(auth.keyAt(i), auth.valueAt(i));
                }
            }
            withSession.put("pid", pid);
            withSession.put("offset", lastOffset == null ? Value.NULL : Value.of(lastOffset));
            data = withSession.build();
        }
        connectPending = true;
        manager.packet(Packet.connect(namespace, data));
    }

    void onPacket(Packet packet) {
        switch (packet.type()) {
            case CONNECT -> onConnectPacket(packet.data());
            case CONNECT_ERROR -> {
                active = false;
                connectPending = false;
                Value data = packet.data() == null ? Value.NULL : packet.data();
                String message = data.isMap() && data.get("message").isString()
                        ? data.get("message").asString() : String.valueOf(data);
                Value extra = data.isMap() ? data.get("data") : Value.NULL;
                ConnectErrorException error = new ConnectErrorException(message, extra, true, null);
                for (Consumer<ConnectErrorException> l : connectErrorListeners) {
                    l.accept(error);
                }
                manager.onSocketInactive();
            }
            case EVENT, BINARY_EVENT -> onEventPacket(packet);
            case ACK, BINARY_ACK -> {
                PendingAck pending = acks.remove(packet.ackId());
                if (pending != null) {
                    if (pending.timer != null) {
                        pending.timer.cancel(false);
                    }
                    Value data = packet.data();
                    pending.callback.onAck(null, data instanceof ListValue list ? list : ListValue.empty());
                }
            }
            case DISCONNECT -> {
                active = false;
                onClose("io server disconnect");
                failPending("socket has been disconnected");
                manager.onSocketInactive();
            }
        }
    }

    private void onConnectPacket(Value data) {
        if (data == null || !data.isMap() || !data.get("sid").isString()) {
            return;
        }
        connectPending = false;
        String newPid = data.get("pid").isString() ? data.get("pid").asString() : null;
        recovered = newPid != null && newPid.equals(pid);
        pid = newPid;
        id = data.get("sid").asString();
        connected = true;
        Packet early;
        while ((early = receiveBuffer.poll()) != null) {
            onEventPacket(early);
        }
        PendingEmit emit;
        while ((emit = sendBuffer.poll()) != null) {
            transmit(emit);
        }
        for (Runnable l : connectListeners) {
            l.run();
        }
    }

    private void onEventPacket(Packet packet) {
        if (!connected) {
            if (active && receiveBuffer.size() < manager.options().maxBufferedPackets()) {
                receiveBuffer.add(packet);
            }
            return;
        }
        if (!(packet.data() instanceof ListValue data) || data.size() == 0 || !data.get(0).isString()) {
            return;
        }
        ListValue args = data.slice(1);
        if (pid != null && args.size() > 0 && args.get(args.size() - 1).isString()) {
            lastOffset = args.get(args.size() - 1).asString();
        }
        String event = data.get(0).asString();
        if (args.size() > 0 && args.get(0).isBinary()) {
            deliverBinary(event, args.get(0).asBytes());
        }
        List<ClientEventListener> handlers = listeners.get(event);
        if (handlers == null) {
            return;
        }
        ClientAck ack = packet.hasAckId() ? ackFor(packet.ackId()) : null;
        for (ClientEventListener handler : handlers) {
            handler.onEvent(args, ack);
        }
    }

    private void deliverBinary(String event, byte[] bytes) {
        ByteBuf payload = null;
        for (BinaryHandler handler : binaryHandlers) {
            if (handler.event.equals(event)) {
                payload = payload == null ? Unpooled.wrappedBuffer(bytes) : payload.readerIndex(0);
                handler.listener.onEvent(payload);
            }
        }
    }

    /** Whether this socket's namespace is the one {@code peek} read; event loop only. */
    boolean isNamespaceOf(MsgpackEventPeek peek) {
        return peek.namespaceIs(namespaceUtf8);
    }

    /**
     * Delivers the event {@code peek} read straight to the binary listeners of its name, when they are all it
     * has (and the socket is connected without recovery, so no offset follows): true if it did, false if the
     * event must be decoded as usual. Event loop only.
     */
    boolean deliverPeeked(MsgpackEventPeek peek) {
        if (!connected || pid != null) {
            return false;
        }
        BinaryHandler[] handlers = binaryHandlers;
        String event = null;
        for (BinaryHandler handler : handlers) {
            if (peek.nameIs(handler.eventUtf8)) {
                if (handler.alsoDecoded) {
                    return false;
                }
                event = handler.event;
                break;
            }
        }
        if (event == null) {
            return false;
        }
        ByteBuf payload = peek.payload();
        int start = payload.readerIndex();
        for (BinaryHandler handler : handlers) {
            if (handler.event.equals(event)) {
                handler.listener.onEvent(payload.readerIndex(start));
            }
        }
        return true;
    }

    private ClientAck ackFor(long ackId) {
        AtomicBoolean sent = new AtomicBoolean();
        return args -> {
            if (sent.compareAndSet(false, true)) {
                ListValue list = (ListValue) Value.from(args);
                onLoop(() -> manager.packet(Packet.ack(namespace, ackId, list)));
            }
        };
    }

    private void onClose(String reason) {
        connected = false;
        id = null;
        for (Consumer<String> l : disconnectListeners) {
            l.accept(reason);
        }
    }

    private void failPending(String message) {
        for (PendingAck pending : acks.values()) {
            if (pending.timer != null) {
                pending.timer.cancel(false);
            }
            pending.callback.onAck(new IllegalStateException(message), null);
        }
        acks.clear();
        receiveBuffer.clear();
        PendingEmit emit;
        while ((emit = sendBuffer.poll()) != null) {
            if (emit.callback != null) {
                emit.callback.onAck(new IllegalStateException(message), null);
            }
        }
    }

    private void onLoop(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }

    @Override
    public String toString() {
        return "ClientSocket(" + namespace + ", " + (connected ? id : "disconnected") + ")";
    }

    private record PendingEmit(ListValue nameAndArgs, ClientAckCallback callback, long timeoutMs) {
    }

    private static final class BinaryHandler {
        final String event;
        final byte[] eventUtf8;
        final BinaryEventListener listener;
        /** Whether {@link #event} also has listeners added with {@link #on}, so it must be decoded anyway. */
        volatile boolean alsoDecoded;

        BinaryHandler(String event, BinaryEventListener listener) {
            this.event = event;
            this.eventUtf8 = event.getBytes(StandardCharsets.UTF_8);
            this.listener = listener;
        }
    }

    private static final class PendingAck {
        final ClientAckCallback callback;
        ScheduledFuture<?> timer;

        PendingAck(ClientAckCallback callback) {
            this.callback = callback;
        }
    }
}
