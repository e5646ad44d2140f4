package io.tickwire.net.match;

import io.tickwire.engine.match.JoinDecision;
import io.tickwire.engine.match.LeaveReason;
import io.tickwire.engine.match.MatchHandle;
import io.tickwire.engine.match.MatchRegistry;
import io.tickwire.net.socketio.Ack;
import io.tickwire.net.socketio.Namespace;
import io.tickwire.net.socketio.Socket;
import io.tickwire.net.socketio.SocketIoServer;
import io.tickwire.net.socketio.parser.PacketParsers;
import io.tickwire.net.socketio.parser.Value;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Hosts engine matches on a Socket.IO namespace (default {@code /game}): each match is a room, clients
 * matchmake with acked requests, their inputs are validated, rate limited and published into the match's
 * input ring on the connection's event loop, and the match's {@link io.tickwire.engine.match.Outbox} is made
 * of emits to the room (state as volatile deltas, flushed once per tick). See {@code net/README.md},
 * "Host your own game", for the protocol and a walkthrough.
 *
 * <p>Threading: {@link #start()}, {@link #close()}, {@link #lock}, the seat reservations and the counters may
 * be called from any thread.
 *
 * <p>Ownership: the server owns its {@link MatchRegistry} (its matches and loop threads), its seat
 * reservations, one timer thread and its {@link MatchDirectory}, and ends them in {@link #close()}. It does not own the
 * {@link SocketIoServer} nor the namespace it serves on: whoever made {@code io} closes it, after
 * {@code close()} so that players are told first.
 */
public final class GameServer implements AutoCloseable {
    /** How long {@link #close()} waits for the running loops to end the matches. */
    public static final long CLOSE_TIMEOUT_MS = 5_000;
    /** The error of an action refused by the token bucket or dropped over {@code maxInputsPerPlayerPerTick}. */
    static final String RATE_LIMITED = "rate limited";

    private final SocketIoServer io;
    private final GameServerOptions options;
    private final Namespace namespace;
    private final MatchRegistry matches;
    private final MatchMaker matchMaker;
    private final SeatReservations reservations;
    private final MatchObserver observer;
    private final MatchDirectory directory;
    private final LongSupplier nanoClock;
    private final Map<String, RoomOutbox> rooms = new ConcurrentHashMap<>();
    private final Map<String, Seat> seatsByToken = new ConcurrentHashMap<>();
    private final Map<Integer, PlayerConnection> connections = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers;
    private final AtomicInteger nextPlayerId = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();
    private final LongAdder invalidInputs = new LongAdder();
    private final LongAdder rateLimitedInputs = new LongAdder();
    private final LongAdder refusedInputs = new LongAdder();
    private final LongAdder floodDisconnects = new LongAdder();
    private final LongAdder volatileDrops = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final AtomicInteger outstandingCritical = new AtomicInteger();
    private volatile boolean started;
    private volatile boolean closing;

    private GameServer(Builder b) {
        this.io = b.io;
        this.options = b.options;
        this.observer = b.observer;
        this.nanoClock = b.nanoClock;
        this.namespace = io.of(options.namespace());
        this.matches = b.registry.outboxes(handle -> {
            RoomOutbox room = new RoomOutbox(this, handle);
            rooms.put(handle.id(), room);
            return room;
        }).build();
        this.matchMaker = new MatchMaker(matches, b.modes, mode -> new HostedMatch(mode.games().get(), this));
        this.reservations = new SeatReservations(matchMaker);
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tickwire-game-timers");
            t.setDaemon(true);
            return t;
        });
        namespace.onConnection(socket -> new PlayerConnection(this, socket).install());
        this.directory = b.directory;
        directory.start(this::localListings);
    }

    /** Starts building a server on {@code io}; at least one {@link GameMode} is required. */
    public static Builder builder(SocketIoServer io) {
        return new Builder(io);
    }

    /** Starts the match loops (one thread each). Without it, drive ticks with {@code matches().doWork()}. */
    public GameServer start() {
        matches.start();
        started = true;
        return this;
    }

    /** The engine registry hosting the matches (loop statistics, {@code doWork()} in tests). */
    public MatchRegistry matches() {
        return matches;
    }

    public Namespace namespace() {
        return namespace;
    }

    public GameServerOptions options() {
        return options;
    }

    /** Where this server publishes its matches and finds the other nodes' ({@link MatchDirectory#local()} by default). */
    public MatchDirectory directory() {
        return directory;
    }

    /** Locks (no new players) or unlocks a match; false if there is no such match. Any thread. */
    public boolean lock(String matchId, boolean locked) {
        return matchMaker.lock(matchId, locked);
    }

    /** The Socket.IO room of a match: its players' sockets, for emits of your own. */
    public static String roomOf(String matchId) {
        return "match:" + matchId;
    }

    /** Matches hosted now, on this node. Any thread. */
    public int matchCount() {
        return rooms.size();
    }

    /** Players seated now (connected, or disconnected within their reconnection grace), on this node. Any thread. */
    public int playerCount() {
        return seatsByToken.size();
    }

    /** Inputs and requests dropped for a bad shape, size or a refusal by the mode's {@link InputValidator}. */
    public long invalidInputs() {
        return invalidInputs.sum();
    }

    /** Inputs and actions dropped by the per-player rate limit. */
    public long rateLimitedInputs() {
        return rateLimitedInputs.sum();
    }

    /** Inputs the match's ring refused (ring full). */
    public long refusedInputs() {
        return refusedInputs.sum();
    }

    /** Players disconnected for sustained flooding. */
    public long floodDisconnects() {
        return floodDisconnects.sum();
    }

    /** State packets dropped because a connection was not writable, over every match. */
    public long volatileDrops() {
        return volatileDrops.sum();
    }

    /** Bytes queued to connections by the hosted matches. */
    public long bytesOut() {
        return bytesOut.sum();
    }

    /**
     * Reserves a seat for a player who will connect later: in the first unlocked match of {@code mode} with
     * room whose labels contain {@code filters}, else in a new one (as {@code joinOrCreate}). The seat counts
     * against the match's {@code maxPlayers} at once and is held for {@code seatReservationMs}; the player
     * takes it by sending {@code claim {reservation: token}} on the game namespace, which then runs the
     * match's join (its {@code onJoinAttempt} sees {@code joinData}). Unclaimed, it is given back. Any thread;
     * never blocks.
     *
     * @param joinData what the match's {@code onJoinAttempt} gets (copied); null for none
     * @return the reservation, or why none was made (a refusal is a value, not an exception)
     */
    public SeatReservation reserveSeat(String mode, Map<String, String> filters, byte[] joinData) {
        return hold(matchMaker.joinOrCreate(Objects.requireNonNull(mode, "mode"), Map.copyOf(filters)), joinData);
    }

    /** As {@link #reserveSeat}, in the match {@code matchId} ("no such match", "full", "locked" otherwise). */
    public SeatReservation reserveSeatIn(String matchId, byte[] joinData) {
        return hold(matchMaker.join(Objects.requireNonNull(matchId, "matchId")), joinData);
    }

    /** Seats reserved and not yet claimed nor expired. */
    public int reservedSeats() {
        return reservations.size();
    }

    private SeatReservation hold(MatchMaker.Outcome outcome, byte[] joinData) {
        if (outcome.error() != null) {
            return SeatReservation.refused(outcome.error());
        }
        String token = newToken();
        SeatReservations.Held held = reservations.hold(token, outcome, joinData == null ? new byte[0] : joinData.clone());
        held.expiry = scheduleTimer(() -> reservations.expire(token, held), options.seatReservationMs());
        if (held.expiry == null) {
            reservations.expire(token, held);
            return SeatReservation.refused(MatchMaker.CLOSED);
        }
        return new SeatReservation(token, outcome.match().id(), outcome.mode().name(), options.seatReservationMs(), null);
    }

    /** A connection presented a reservation token: the reserved seat becomes its player's, or the ack says why not. */
    void claim(String token, PlayerConnection conn, Ack ack) {
        SeatReservations.Held held = reservations.claim(token);
        if (held == null) {
            ack.send(error(closing ? MatchMaker.CLOSED : "no such reservation"));
            return;
        }
        seatPlayer(held.outcome, conn, held.joinData, ack);
    }

    /** Critical messages sent and not yet acknowledged, timed out or given up (player gone). Any thread. */
    public int outstandingCriticalMessages() {
        return outstandingCritical.get();
    }

    /**
     * The first step of a graceful shutdown: every match is locked and matchmaking refuses every request
     * ({@code "server shutting down"}, no new match either); each match's game hears
     * {@link io.tickwire.engine.match.Match#onShutdown} with the time left, and may end its match there (final
     * results sent with acks); the matches keep ticking until every game has heard it and no critical message
     * is outstanding, or {@code timeoutMs} has passed, whichever comes first. Then call {@link #close()}.
     * Blocks the caller; any thread except a match loop. Without {@link #start()} the games hear it only on the
     * caller's {@code matches().doWork()}, so this waits the whole timeout.
     *
     * @return whether every game heard it and every critical message was settled in time
     */
    public boolean drain(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        List<MatchHandle> unannounced = new ArrayList<>(matchMaker.drain());
        List<MatchHandle> unheard = new ArrayList<>(unannounced);
        while (true) {
            long leftNanos = deadline - System.nanoTime();
            long leftMs = TimeUnit.NANOSECONDS.toMillis(leftNanos);
            unannounced.removeIf(match -> match.announceShutdown(Math.max(0, leftMs)));     // a full ring: next turn
            unheard.removeIf(MatchHandle::hasHeardShutdown);
            if (unannounced.isEmpty() && unheard.isEmpty() && outstandingCritical.get() == 0) {
                return true;
            }
            if (leftNanos <= 0) {        // not leftMs: that rounds the last millisecond away
                return false;
            }
            Thread.sleep(Math.min(5, Math.max(1, leftMs)));
        }
    }

    /**
     * Ends what this server owns: the match directory closed (this node's matches leave it), no more
     * matchmaking (requests are answered {@code "server closed"}), seat
     * reservations given back, every match disposed (each player gets {@code left {reason: "server closed"}},
     * pending actions are answered with an error, the game's {@code onLeave} and {@code onDispose} run), then
     * the loop threads and the timer thread stop. Waits up to {@link #CLOSE_TIMEOUT_MS} for the running loops
     * to dispose the matches; without {@link #start()} the disposals are queued for the caller's next
     * {@code matches().doWork()}. Players' connections stay open: the {@link SocketIoServer} is the caller's
     * to close. Idempotent (a second call returns once the first has finished); any thread except a match loop.
     */
    @Override
    public synchronized void close() {
        if (closing) {
            return;
        }
        closing = true;
        directory.close();
        List<MatchHandle> live = matchMaker.close();
        reservations.cancelAll();
        for (MatchHandle match : live) {
            match.dispose();
        }
        if (started) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_TIMEOUT_MS);
            for (MatchHandle match : live) {
                while (!match.isDisposed() && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(1_000_000);
                }
            }
            matches.close();
        }
        timers.shutdownNow();
    }

    // ---- seating, from PlayerConnection on the connection's event loop ----

    void seatPlayer(MatchMaker.Outcome outcome, PlayerConnection conn, byte[] joinData, Ack ack) {
        MatchHandle match = outcome.match();
        Seat seat = new Seat(nextPlayerId.getAndIncrement(), newToken(), match, outcome.mode());
        seat.graceTimer(scheduleTimer(() -> reservationExpired(seat), options.seatReservationMs()));
        boolean queued = match.requestJoin(seat.playerId, joinData, 0, joinData.length,
                (playerId, decision) -> joined(seat, conn, decision, ack));
        if (!queued) {
            seat.cancelGraceTimer();
            matchMaker.release(match.id());
            ack.send(error("server busy"));
        }
    }

    private void reservationExpired(Seat seat) {
        synchronized (seat) {
            if (seat.seated || seat.gone) {
                return;
            }
            seat.gone = true;
        }
        matchMaker.release(seat.match.id());
    }

    /** On the match's loop thread. */
    private void joined(Seat seat, PlayerConnection conn, JoinDecision decision, Ack ack) {
        synchronized (seat) {
            if (decision.accepted() && !seat.gone) {
                seat.seated = true;
            } else if (!seat.gone) {
                seat.gone = true;
                matchMaker.release(seat.match.id());
            }
        }
        seat.cancelGraceTimer();
        if (!seat.seated) {
            if (decision.accepted()) {
                seat.match.leave(seat.playerId, LeaveReason.DISCONNECTED);
            }
            ack.send(error(decision.accepted() ? "seat reservation expired" : decision.reason()));
            return;
        }
        rooms.get(seat.match.id()).addSeat(seat);
        seatsByToken.put(seat.token, seat);
        bind(seat, conn);
        ack.send(Value.map("ok", true, "matchId", seat.match.id(), "playerId", seat.playerId, "token", seat.token,
                "mode", seat.mode.name()));
        // an ordinary emit: with connection state recovery it carries the offset the client needs to recover
        conn.socket().emit(GameEvents.JOINED, Value.map("matchId", seat.match.id(), "playerId", seat.playerId));
        if (!conn.socket().connected()) {
            seat.socket = null;
            startGrace(seat);
        }
    }

    private void bind(Seat seat, PlayerConnection conn) {
        Socket socket = conn.socket();
        seat.ackedTick = -1;                               // only ticks this connection reports count as a base
        seat.needsFullState = true;
        seat.bucket = null;
        socket.data().put(PlayerConnection.TOKEN_KEY, seat.token);
        socket.join(seat.room);
        conn.seat(seat);
        connections.put(seat.playerId, conn);
        seat.socket = socket;
    }

    /** A connection presented {@code token}: back into its seat, or told it has none. */
    void resume(String token, PlayerConnection conn) {
        Seat seat = seatsByToken.get(token);
        if (seat == null || seat.gone) {
            conn.socket().emit(GameEvents.REJOINED, error("no such seat"));
            return;
        }
        seat.cancelGraceTimer();
        PlayerConnection previous = connections.get(seat.playerId);
        Socket old = seat.socket;
        bind(seat, conn);
        if (previous != null && previous != conn) {
            previous.seat(null);
        }
        if (old != null && old != conn.socket()) {
            old.disconnect(false);
        }
        conn.socket().emit(GameEvents.REJOINED, Value.map("ok", true, "matchId", seat.match.id(),
                "playerId", seat.playerId));
    }

    /** The seat's connection dropped: it keeps its place for {@code reconnectGraceMs}. */
    void startGrace(Seat seat) {
        seat.graceTimer(scheduleTimer(() -> {
            if (seat.socket == null && !seat.gone) {
                seat.match.leave(seat.playerId, LeaveReason.DISCONNECTED);
            }
        }, options.reconnectGraceMs()));
    }

    /** A critical message was never acknowledged: the player is treated as disconnected. Any thread. */
    void dropUnresponsive(Seat seat) {
        Socket socket = seat.socket;
        seat.socket = null;
        seat.match.leave(seat.playerId, LeaveReason.DISCONNECTED);
        if (socket != null) {
            socket.emit(GameEvents.LEFT, Value.map("reason", "unresponsive"));
            socket.disconnect(true);
        }
    }

    /** The match removed the seat's player (on its loop thread). */
    void seatReleased(Seat seat, LeaveReason reason) {
        seat.gone = true;
        seat.cancelGraceTimer();
        seatsByToken.remove(seat.token, seat);
        connections.remove(seat.playerId);
        matchMaker.release(seat.match.id());
        for (Long sequence : seat.pendingActions.keySet()) {
            Ack ack = seat.pendingActions.remove(sequence);    // removed one by one: an action queued meanwhile
            if (ack != null) {                                 // is answered once, here or by its sender
                ack.send(error("left the match"));
            }
        }
        Socket socket = seat.socket;
        seat.socket = null;
        if (socket != null) {
            socket.leave(seat.room);
            if (reason == LeaveReason.KICKED || reason == LeaveReason.MATCH_DISPOSED) {
                String why = reason == LeaveReason.KICKED ? "kicked" : closing ? MatchMaker.CLOSED : "match disposed";
                socket.emit(GameEvents.LEFT, Value.map("reason", why));
            }
        }
    }

    /** On the match's loop thread, after its players left. */
    void matchDisposed(MatchHandle match) {
        matchMaker.forget(match.id());
        rooms.remove(match.id());
        observer.onMatchDisposed(match.id());
    }

    // ---- plumbing ----

    MatchMaker matchMaker() {
        return matchMaker;
    }

    /** This node's matches as the directory publishes them. */
    private List<MatchListing> localListings() {
        List<MatchListing> out = new ArrayList<>();
        for (MatchMaker.Listing l : matchMaker.list(null, Map.of())) {
            out.add(new MatchListing(l.matchId(), l.mode(), l.seats(), l.maxPlayers(), l.locked(), l.labels(),
                    directory.nodeId(), null));
        }
        return out;
    }

    PacketParsers parsers() {
        return namespace.parsers();
    }

    MatchObserver observer() {
        return observer;
    }

    long nanoTime() {
        return nanoClock.getAsLong();
    }

    void schedule(Runnable task, long delayMs) {
        scheduleTimer(task, delayMs);
    }

    /** Runs {@code task} on the timer thread after {@code delayMs}; null (and never run) once closed. */
    private ScheduledFuture<?> scheduleTimer(Runnable task, long delayMs) {
        try {
            return timers.schedule(task, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            return null;
        }
    }

    void criticalStarted() {
        outstandingCritical.incrementAndGet();
    }

    void criticalSettled() {
        outstandingCritical.decrementAndGet();
    }

    void countInvalidInput() {
        invalidInputs.increment();
    }

    void countRateLimitedInput() {
        rateLimitedInputs.increment();
    }

    void countRefusedInput() {
        refusedInputs.increment();
    }

    void countFloodDisconnect() {
        floodDisconnects.increment();
    }

    void countVolatileDrops(long drops) {
        volatileDrops.add(drops);
    }

    void countBytesOut(long bytes) {
        bytesOut.add(bytes);
    }

    static Value error(String message) {
        return Value.map("ok", false, "error", message);
    }

    private String newToken() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Builds a {@link GameServer}. */
    public static final class Builder {
        private final SocketIoServer io;
        private final Map<String, GameMode> modes = new LinkedHashMap<>();
        private GameServerOptions options = GameServerOptions.defaults();
        private MatchRegistry.Builder registry = MatchRegistry.builder();
        private MatchObserver observer = MatchObserver.NONE;
        private LongSupplier nanoClock = System::nanoTime;
        private MatchDirectory directory = MatchDirectory.local();

        private Builder(SocketIoServer io) {
            this.io = Objects.requireNonNull(io, "io");
        }

        public Builder options(GameServerOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /** Adds a mode clients can ask for by name. */
        public Builder mode(GameMode mode) {
            if (modes.putIfAbsent(mode.name(), mode) != null) {
                throw new IllegalArgumentException("mode '" + mode.name() + "' is already defined");
            }
            return this;
        }

        /** The engine registry to host matches on (loop threads, tick rates, clock); its outboxes are set here. */
        public Builder registry(MatchRegistry.Builder registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        public Builder observer(MatchObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        /** The clock of the input rate limit (nanoseconds); default {@link System#nanoTime()}. */
        public Builder nanoClock(LongSupplier nanoClock) {
            this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
            return this;
        }

        /**
         * Where matches are published and found across nodes; default {@link MatchDirectory#local()}. The server
         * starts it and closes it in {@link GameServer#close()}.
         */
        public Builder directory(MatchDirectory directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** @throws IllegalArgumentException if no mode was added */
        public GameServer build() {
            if (modes.isEmpty()) {
                throw new IllegalArgumentException("modes: add at least one GameMode");
            }
            return new GameServer(this);
        }
    }
}
