package io.tickwire.loadtest;

import io.netty.channel.EventLoop;
import io.tickwire.net.client.ClientAckCallback;
import io.tickwire.net.client.ClientOptions;
import io.tickwire.net.client.ClientSocket;
import io.tickwire.net.client.Manager;
import io.tickwire.net.client.ManagerListener;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.MapValue;
import io.tickwire.net.socketio.parser.Value;

import java.util.Random;

/**
 * One simulated client of the broadcast scenario: joins its room through the CONNECT auth, sends inputs at
 * {@code inputHz} from its loop's {@link InputPacer} (and acknowledged actions at {@code actionHz}, in the
 * same write as the input they go with), and measures what comes back: connect
 * time, ack round trip, delivery latency of every state (server timestamp vs arrival) and the jitter of its
 * own inputs' states (RFC 3550's |(arrival_j − arrival_i) − (sent_j − sent_i)|).
 *
 * <p>Threading: everything after {@link #start()} runs on the bot's manager's event loop; {@link #stopSending()} and {@link #close()} may
 * be called from any thread.
 */
final class BroadcastBot implements LoadBot {
    private static final int SENT_RING = 1024;
    private static final long ACK_TIMEOUT_MS = 5000;

    private final RunConfig config;
    private final LoadMetrics metrics;
    private final WallClock clock;
    private final Manager manager;
    private final ClientSocket socket;
    private final EventLoop loop;
    private final long phaseNanos;
    private final long[] sentNanos = new long[SENT_RING];
    private final ClientAckCallback onAck = this::onAck;
    private final InputPacer pacer;
    private final Runnable sendInput = this::sendInput;
    private final Runnable sendBatch = this::sendInputAndAction;
    private boolean pacing;
    private long startNanos;
    private boolean everConnected;
    private long seq;
    private long actionEvery;
    private long lastOwnSeq = -1;
    private long lastOwnArrivalNanos;
    private volatile boolean stopped;

    BroadcastBot(int index, RunConfig config, EventLoop loop, InputPacer pacer, LoadMetrics metrics,
                 WallClock clock, Random random) {
        this.config = config;
        this.pacer = pacer;
        this.metrics = metrics;
        this.clock = clock;
        ClientOptions options = ClientOptions.builder()
                .parser(config.parser())
                .transports(config.transport().transports())
                .auth(Value.map(BroadcastProtocol.AUTH_ROOM, "room-" + index / config.roomSize()))
                .ackTimeoutMs(ACK_TIMEOUT_MS)
                .build();
        this.manager = new Manager(config.url(), options, loop, new ManagerListener() {
            @Override
            public void onReconnect(int attempt) {
                metrics.reconnects.increment();
            }
        });
        this.loop = manager.eventLoop();
        this.socket = manager.socket(config.namespace());
        long periodNanos = (long) (1e9 / config.inputHz());
        this.phaseNanos = (long) (random.nextDouble() * periodNanos);
        this.actionEvery = config.actionHz() <= 0 ? 0 : Math.max(1, Math.round(config.inputHz() / config.actionHz()));
        socket.onConnect(this::onConnect);
        socket.onDisconnect(reason -> {
            metrics.botsConnectedNow.decrementAndGet();
            if (!stopped) {
                metrics.disconnects.increment();
            }
        });
        socket.onConnectError(error -> metrics.errors.increment());
        socket.on(BroadcastProtocol.STATE, (args, ack) -> onState(args));
    }

    @Override
    public void start() {
        loop.execute(() -> {
            startNanos = System.nanoTime();
            socket.connect();
        });
    }

    @Override
    public long bytesSent() {
        return manager.bytesSent();
    }

    @Override
    public long bytesReceived() {
        return manager.bytesReceived();
    }

    private void onConnect() {
        metrics.botsConnectedNow.incrementAndGet();
        if (!everConnected) {
            everConnected = true;
            metrics.botsEverConnected.increment();
            LoadMetrics.record(metrics.connectMicros, (System.nanoTime() - startNanos) / 1000);
            pacing = true;
            pacer.add(sendInput, phaseNanos);
        }
    }

    private void sendInput() {
        if (stopped || !socket.connected()) {
            return;
        }
        // the input and the action due with it leave in one write
        manager.batch(sendBatch);
    }

    private void sendInputAndAction() {
        long n = seq++;
        sentNanos[(int) (n % SENT_RING)] = System.nanoTime();
        MapValue payload = MapValue.builder().put(BroadcastProtocol.SEQ, n)
                .put(BroadcastProtocol.TIME, clock.epochMillis()).build();
        socket.emit(BroadcastProtocol.INPUT, payload);
        metrics.inputsSent.increment();
        if (actionEvery > 0 && n % actionEvery == 0) {
            // the action's seq is its send time relative to the bot's start: small enough to survive a JS number
            socket.emit(BroadcastProtocol.ACTION, MapValue.builder()
                    .put(BroadcastProtocol.SEQ, System.nanoTime() - startNanos).build(), onAck);
            metrics.actionsSent.increment();
        }
    }

    private void onAck(Throwable error, ListValue args) {
        if (error != null) {
            if (!stopped) {
                metrics.errors.increment();
            }
            return;
        }
        metrics.acksReceived.increment();
        long sentAt = startNanos + args.get(0).get(BroadcastProtocol.SEQ).asLong();
        LoadMetrics.record(metrics.ackRoundTripMicros, (System.nanoTime() - sentAt) / 1000);
    }

    private void onState(ListValue args) {
        long arrivalNanos = System.nanoTime();
        metrics.statesReceived.increment();
        Value state = args.get(0);
        double serverMillis = state.get(BroadcastProtocol.TIME).asDouble();
        LoadMetrics.record(metrics.deliveryMicros, (long) ((clock.epochMillis() - serverMillis) * 1000));
        Value from = state.get(BroadcastProtocol.FROM);
        if (from.isString() && from.asString().equals(socket.id())) {
            long ownSeq = state.get(BroadcastProtocol.SEQ).asLong();
            if (lastOwnSeq >= 0 && ownSeq > lastOwnSeq && ownSeq - lastOwnSeq < SENT_RING) {
                long sentGap = sentNanos[(int) (ownSeq % SENT_RING)] - sentNanos[(int) (lastOwnSeq % SENT_RING)];
                long arrivalGap = arrivalNanos - lastOwnArrivalNanos;
                LoadMetrics.record(metrics.jitterMicros, Math.abs(arrivalGap - sentGap) / 1000);
            }
            lastOwnSeq = ownSeq;
            lastOwnArrivalNanos = arrivalNanos;
        }
    }

    @Override
    public void stopSending() {
        stopped = true;
        loop.execute(this::leavePacer);
    }

    @Override
    public void close() {
        stopped = true;
        loop.execute(this::leavePacer);
        manager.close();
    }

    private void leavePacer() {
        if (pacing) {
            pacing = false;
            pacer.remove(sendInput);
        }
    }
}
