package io.tickwire.loadtest;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.tickwire.net.client.ClientAckCallback;
import io.tickwire.net.client.ClientOptions;
import io.tickwire.net.client.ClientSocket;
import io.tickwire.net.client.Manager;
import io.tickwire.net.match.GameEvents;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.MapValue;
import io.tickwire.net.socketio.parser.Value;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * One simulated player of the game scenario (loadtest/README.md): {@code joinOrCreate}s an
 * {@link ArenaGame} match, sends inputs at {@code inputHz} with a sequence number and the last state tick it
 * holds, decodes every state snapshot (full or delta, with a {@link SnapshotTracker}), sends
 * acknowledged actions at {@code actionHz} together with inputs (one batch, one write), and after an
 * unexpected drop connects again with its seat token.
 *
 * <p>Measures: join time (start to the join's answer), state delivery (the snapshot's clock entity vs
 * arrival), jitter between consecutive snapshots (|(arrival_j − arrival_i) − (server_j − server_i)|), ack
 * round trip (actions are answered in the order sent, so send times are kept in a ring).
 *
 * <p>Threading: everything runs on one event loop, given to every manager this bot makes; {@link #start()},
 * {@link #stopSending()} and {@link #close()} may be called from any thread.
 */
final class GameBot implements LoadBot {
    private static final long ACK_TIMEOUT_MS = 5000;
    private static final long JOIN_TIMEOUT_MS = 15_000;
    private static final long RECONNECT_DELAY_MS = 500;
    private static final int ACTION_RING = 256;
    private static final byte[][] DIRECTIONS = new byte[9][];
    private static final byte[] ACTION_PAYLOAD = {ArenaGame.ACTION_WHERE_AM_I};

    static {
        for (int i = 0; i < 9; i++) {
            DIRECTIONS[i] = new byte[] {(byte) (i / 3 - 1), (byte) (i % 3 - 1)};
        }
    }

    private final RunConfig config;
    private final LoadMetrics metrics;
    private final WallClock clock;
    private final EventLoop loop;
    private final Random random;
    private final long inputPhaseNanos;
    private final double actionsPerInput;
    private final Runnable sendBatch = this::sendInputAndActions;
    private final SnapshotTracker states = new SnapshotTracker();
    private final long[] actionSentNanos = new long[ACTION_RING];
    private final ClientAckCallback onJoinAck = this::onJoinAck;
    private final InputPacer pacer;
    private final Runnable sendInput = this::sendInput;
    private volatile Manager manager;
    private ClientSocket socket;
    private long retiredBytesSent;
    private long retiredBytesReceived;
    private String token;
    /** Answers actions sent on the current socket; those of a dropped one are written off in {@link #connect}. */
    private ClientAckCallback onActionAck;
    private boolean pacing;
    /** Actions owed: grows by {@link #actionsPerInput} with every input; an action is sent per whole one. */
    private double actionCredit;
    private long startNanos;
    private boolean joined;
    private long seq;
    private int direction = 4;
    private long actionsSent;
    private long actionsAnswered;
    private long lastServerMicros = -1;
    private long lastArrivalNanos;
    private volatile boolean stopped;

    GameBot(int index, RunConfig config, EventLoop loop, InputPacer pacer, LoadMetrics metrics, WallClock clock,
            Random random) {
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        this.random = random;
        this.loop = loop;
        this.pacer = pacer;
        this.inputPhaseNanos = (long) (random.nextDouble() * 1e9 / config.inputHz());
        this.actionsPerInput = config.actionHz() / config.inputHz();
        this.actionCredit = random.nextDouble();
    }

    @Override
    public void start() {
        loop.execute(() -> {
            startNanos = System.nanoTime();
            connect(null);
        });
    }

    /** A new manager and socket on this bot's loop; with a seat token after a drop. Event loop only. */
    private void connect(MapValue auth) {
        if (manager != null) {
            retiredBytesSent += manager.bytesSent();
            retiredBytesReceived += manager.bytesReceived();
            manager.close();
        }
        ClientOptions options = ClientOptions.builder()
                .parser(config.parser())
                .transports(config.transport().transports())
                .reconnection(false)
                .ackTimeoutMs(ACK_TIMEOUT_MS)
                .build();
        manager = new Manager(config.url(), options, loop);
        socket = auth == null ? manager.socket(config.namespace()) : manager.socket(config.namespace(), auth);
        ClientSocket mine = socket;
        // actions still unanswered on a dropped connection are lost with it: errors, and their send times dropped
        metrics.errors.add(actionsSent - actionsAnswered);
        actionsAnswered = actionsSent;
        onActionAck = (error, args) -> onActionAck(mine, error, args);
        socket.onConnect(() -> onConnect(mine));
        socket.onDisconnect(reason -> onDisconnect(mine));
        socket.onConnectError(error -> onConnectError(mine));
        socket.onBinary(GameEvents.STATE, this::onState);
        socket.on(GameEvents.REJOINED, (args, ack) -> onRejoined(args.get(0)));
        socket.connect();
    }

    private void onConnect(ClientSocket from) {
        if (from != socket) {
            return;
        }
        metrics.botsConnectedNow.incrementAndGet();
        if (token == null) {
            askToJoin();
        }
    }

    /** {@code joinOrCreate}, given longer than other acks: matchmaking under load answers late, not never. */
    private void askToJoin() {
        socket.timeout(JOIN_TIMEOUT_MS).emit(GameEvents.JOIN_OR_CREATE, Value.map("mode", ArenaGame.MODE), onJoinAck);
    }

    private void onJoinAck(Throwable error, ListValue args) {
        Value answer = error == null ? args.get(0) : Value.NULL;
        if (!answer.isMap() || !answer.get("ok").asBoolean()) {
            metrics.errors.increment();
            // refused or unanswered: ask again after a pause, so that every bot ends up playing
            ClientSocket asked = socket;
            loop.schedule(() -> {
                if (!stopped && asked == socket && token == null && socket.connected()) {
                    askToJoin();
                }
            }, RECONNECT_DELAY_MS + random.nextInt((int) RECONNECT_DELAY_MS), TimeUnit.MILLISECONDS);
            return;
        }
        token = answer.get("token").asString();
        if (joined) {
            return; // joined afresh after its seat was gone: timers run, the bot was counted
        }
        joined = true;
        metrics.botsEverConnected.increment();
        LoadMetrics.record(metrics.connectMicros, (System.nanoTime() - startNanos) / 1000);
        if (!pacing && !stopped) {
            pacing = true;
            pacer.add(sendInput, inputPhaseNanos);
        }
    }

    private void onRejoined(Value answer) {
        if (answer.isMap() && answer.get("ok").asBoolean()) {
            metrics.reconnects.increment();
        } else {
            metrics.errors.increment();
            token = null;
            askToJoin();
        }
    }

    private void onDisconnect(ClientSocket from) {
        metrics.botsConnectedNow.decrementAndGet();
        if (stopped || from != socket) {
            return;
        }
        metrics.disconnects.increment();
        scheduleReconnect();
    }

    private void onConnectError(ClientSocket from) {
        if (from != socket) {
            return;
        }
        metrics.errors.increment();
        if (!stopped) {
            scheduleReconnect();
        }
    }

    private void scheduleReconnect() {
        resetStates();
        // the manager does not reconnect by itself (its socket's auth is fixed): a new one carries the seat token
        loop.schedule(() -> {
            if (!stopped) {
                connect(token == null ? null : Value.map("token", token));
            }
        }, RECONNECT_DELAY_MS + random.nextInt((int) RECONNECT_DELAY_MS), TimeUnit.MILLISECONDS);
    }

    private void resetStates() {
        states.reset();
        lastServerMicros = -1;
    }

    private void sendInput() {
        if (stopped || !joined || !socket.connected()) {
            return;
        }
        // the input and the actions due with it leave in one write: one system call a tick, not one a message
        manager.batch(sendBatch);
    }

    private void sendInputAndActions() {
        if (random.nextInt(10) == 0) {
            direction = random.nextInt(DIRECTIONS.length);
        }
        socket.emit(GameEvents.INPUT, seq++, states.reportLatest(), DIRECTIONS[direction]);
        metrics.inputsSent.increment();
        actionCredit += actionsPerInput;
        while (actionCredit >= 1) {
            actionCredit -= 1;
            sendAction();
        }
    }

    private void sendAction() {
        if (actionsSent - actionsAnswered >= ACTION_RING) {
            return;
        }
        actionSentNanos[(int) (actionsSent++ % ACTION_RING)] = System.nanoTime();
        socket.emit(GameEvents.ACTION, ACTION_PAYLOAD, onActionAck);
        metrics.actionsSent.increment();
    }

    private void onActionAck(ClientSocket from, Throwable error, ListValue args) {
        if (from != socket) {
            return;
        }
        long sentNanos = actionSentNanos[(int) (actionsAnswered++ % ACTION_RING)];
        if (error != null || !args.get(0).get("ok").asBoolean()) {
            if (!stopped || error == null) {
                metrics.errors.increment();
            }
            return;
        }
        metrics.acksReceived.increment();
        LoadMetrics.record(metrics.ackRoundTripMicros, (System.nanoTime() - sentNanos) / 1000);
    }

    private void onState(ByteBuf snapshot) {
        if (stopped) {
            return; // state is a stream, not an answer: after the duration nothing more is owed
        }
        long arrivalNanos = System.nanoTime();
        double arrivalMillis = clock.epochMillis();
        SnapshotTracker.Outcome outcome = states.accept(snapshot);
        if (outcome == SnapshotTracker.Outcome.UNKNOWN_BASE || outcome == SnapshotTracker.Outcome.MALFORMED) {
            metrics.errors.increment();
            return;
        }
        metrics.statesReceived.increment();
        if (outcome == SnapshotTracker.Outcome.FULL) {
            metrics.fullSnapshots.increment();
        }
        long serverMicros = states.serverEpochMicros();
        if (serverMicros < 0) {
            return;
        }
        LoadMetrics.record(metrics.deliveryMicros, (long) (arrivalMillis * 1000) - serverMicros);
        if (lastServerMicros >= 0 && serverMicros > lastServerMicros) {
            long arrivalGapMicros = (arrivalNanos - lastArrivalNanos) / 1000;
            LoadMetrics.record(metrics.jitterMicros, Math.abs(arrivalGapMicros - (serverMicros - lastServerMicros)));
        }
        lastServerMicros = serverMicros;
        lastArrivalNanos = arrivalNanos;
    }

    @Override
    public void stopSending() {
        stopped = true;
        loop.execute(this::leavePacer);
    }

    @Override
    public void close() {
        stopped = true;
        loop.execute(() -> {
            leavePacer();
            if (manager != null) {
                manager.close();
            }
        });
    }

    private void leavePacer() {
        if (pacing) {
            pacing = false;
            pacer.remove(sendInput);
        }
    }

    @Override
    public long bytesSent() {
        Manager current = manager;
        return retiredBytesSent + (current == null ? 0 : current.bytesSent());
    }

    @Override
    public long bytesReceived() {
        Manager current = manager;
        return retiredBytesReceived + (current == null ? 0 : current.bytesReceived());
    }
}
