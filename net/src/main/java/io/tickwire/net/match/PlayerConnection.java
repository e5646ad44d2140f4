package io.tickwire.net.match;

import io.tickwire.engine.match.LeaveReason;
import io.tickwire.net.socketio.Ack;
import io.tickwire.net.socketio.DisconnectReason;
import io.tickwire.net.socketio.Socket;
import io.tickwire.net.socketio.TokenBucket;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.Value;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * One socket on the game namespace: turns its requests into matchmaking calls and its inputs and actions
 * into publishes to its match's input ring, after validation and rate limiting. Every handler runs on the
 * socket's event loop and never touches a world.
 */
final class PlayerConnection {
    static final String TOKEN_KEY = "tickwire.token";
    private static final byte[] NO_DATA = new byte[0];

    private final GameServer server;
    private final Socket socket;
    private volatile Seat seat;

    PlayerConnection(GameServer server, Socket socket) {
        this.server = server;
        this.socket = socket;
    }

    void install() {
        socket.on(GameEvents.JOIN_OR_CREATE, (args, ack) -> matchmake(args, ack, GameEvents.JOIN_OR_CREATE));
        socket.on(GameEvents.CREATE, (args, ack) -> matchmake(args, ack, GameEvents.CREATE));
        socket.on(GameEvents.JOIN, (args, ack) -> matchmake(args, ack, GameEvents.JOIN));
        socket.on(GameEvents.CLAIM, this::claim);
        socket.on(GameEvents.LIST, this::list);
        socket.on(GameEvents.LEAVE, this::leave);
        socket.on(GameEvents.INPUT, this::input);
        socket.on(GameEvents.ACTION, this::action);
        socket.onDisconnect(this::disconnected);
        Value token = socket.handshake().auth().get("token");
        Object recovered = socket.recovered() ? socket.data().get(TOKEN_KEY) : null;
        if (recovered instanceof String t) {
            server.resume(t, this);
        } else if (token.isString()) {
            server.resume(token.asString(), this);
        }
    }

    Socket socket() {
        return socket;
    }

    void seat(Seat seat) {
        this.seat = seat;
    }

    private Seat liveSeat() {
        Seat s = seat;
        return s == null || s.gone ? null : s;
    }

    /**
     * The map a request for a seat carries, or null when it was answered already: no ack to answer with
     * (counted as invalid), already seated, or not a map.
     */
    private Value seatRequest(ListValue args, Ack ack) {
        if (ack == null) {
            server.countInvalidInput();
            return null;
        }
        if (liveSeat() != null) {
            ack.send(GameServer.error("already in a match"));
            return null;
        }
        Value request = args.size() > 0 ? args.get(0) : Value.NULL;
        if (!request.isMap()) {
            ack.send(GameServer.error("bad request"));
            return null;
        }
        return request;
    }

    private void matchmake(ListValue args, Ack ack, String kind) {
        Value request = seatRequest(args, ack);
        if (request == null) {
            return;
        }
        byte[] joinData = request.get("joinData").isBinary() ? request.get("joinData").asBytes() : NO_DATA;
        if (server.directory().clustered() && !kind.equals(GameEvents.CREATE)) {
            ClusterMatchmaking cluster = new ClusterMatchmaking(server, this);
            if (kind.equals(GameEvents.JOIN) && request.get("matchId").isString()) {
                cluster.join(request.get("matchId").asString(), joinData, ack);
                return;
            }
            if (kind.equals(GameEvents.JOIN_OR_CREATE) && request.get("mode").isString()) {
                cluster.joinOrCreate(request.get("mode").asString(), labels(request.get("filters")), joinData, ack);
                return;
            }
        }
        MatchMaker.Outcome outcome;
        switch (kind) {
            case GameEvents.JOIN -> outcome = request.get("matchId").isString()
                    ? server.matchMaker().join(request.get("matchId").asString())
                    : MatchMaker.Outcome.refused("bad request");
            case GameEvents.CREATE -> outcome = request.get("mode").isString()
                    ? server.matchMaker().create(request.get("mode").asString(), labels(request.get("labels")))
                    : MatchMaker.Outcome.refused("bad request");
            default -> outcome = request.get("mode").isString()
                    ? server.matchMaker().joinOrCreate(request.get("mode").asString(), labels(request.get("filters")))
                    : MatchMaker.Outcome.refused("bad request");
        }
        if (outcome.error() != null) {
            ack.send(GameServer.error(outcome.error()));
            return;
        }
        server.seatPlayer(outcome, this, joinData, ack);
    }

    private void claim(ListValue args, Ack ack) {
        Value request = seatRequest(args, ack);
        if (request == null) {
            return;
        }
        if (!request.get("reservation").isString()) {
            ack.send(GameServer.error("bad request"));
            return;
        }
        server.claim(request.get("reservation").asString(), this, ack);
    }

    private void list(ListValue args, Ack ack) {
        if (ack == null) {
            return;
        }
        Value request = args.size() > 0 && args.get(0).isMap() ? args.get(0) : Value.map();
        String mode = request.get("mode").isString() ? request.get("mode").asString() : null;
        if (server.directory().clustered()) {
            new ClusterMatchmaking(server, this).list(mode, labels(request.get("filters")), ack);
            return;
        }
        ListValue.Builder matches = ListValue.builder();
        for (MatchMaker.Listing l : server.matchMaker().list(mode, labels(request.get("filters")))) {
            matches.add(Value.map("matchId", l.matchId(), "mode", l.mode(), "players", l.seats(),
                    "maxPlayers", l.maxPlayers(), "locked", l.locked(), "labels", l.labels()));
        }
        ack.send(Value.map("ok", true, "matches", matches.build()));
    }

    private void leave(ListValue args, Ack ack) {
        Seat s = liveSeat();
        if (s != null) {
            seat = null;
            s.socket = null;
            s.match.leave(s.playerId, LeaveReason.LEFT);
        }
        if (ack != null) {
            ack.send(s != null ? Value.map("ok", true) : GameServer.error("not in a match"));
        }
    }

    private void input(ListValue args, Ack ack) {
        Seat s = liveSeat();
        if (s == null || s.socket != socket) {
            return;
        }
        InputArguments in = InputArguments.decode(args);
        if (in == null) {
            server.countInvalidInput();
            return;
        }
        byte[] payload = in.payload();
        InputRules rules = s.mode.inputs();
        if (payload.length < rules.minBytes() || payload.length > rules.maxBytes()
                || !rules.validator().accepts(ByteBuffer.wrap(payload).asReadOnlyBuffer())) {
            server.countInvalidInput();
            return;
        }
        if (!admit(s)) {
            return;
        }
        if (in.ackedTick() > s.ackedTick) {
            s.ackedTick = in.ackedTick();
        }
        if (!s.match.publishInput(s.playerId, in.seq(), payload, 0, payload.length)) {
            server.countRefusedInput();
        }
    }

    private void action(ListValue args, Ack ack) {
        Seat s = liveSeat();
        if (ack == null) {
            server.countInvalidInput();
            return;
        }
        if (s == null || s.socket != socket) {
            ack.send(GameServer.error("not in a match"));
            return;
        }
        if (args.size() < 1 || !args.get(0).isBinary()) {
            server.countInvalidInput();
            ack.send(GameServer.error("bad action"));
            return;
        }
        if (s.pendingActions.size() >= server.options().maxPendingActions()) {
            ack.send(GameServer.error("too many pending actions"));
            return;
        }
        if (!admit(s)) {
            ack.send(GameServer.error(GameServer.RATE_LIMITED));
            return;
        }
        byte[] payload = args.get(0).asBytes();
        long sequence = s.nextActionSequence();
        s.pendingActions.put(sequence, ack);
        if (!s.match.publishInput(s.playerId, sequence, payload, 0, payload.length)) {
            s.pendingActions.remove(sequence);
            server.countRefusedInput();
            ack.send(GameServer.error("server busy"));
        } else if (s.gone && s.pendingActions.remove(sequence) != null) {
            ack.send(GameServer.error("left the match"));      // the seat was released while this was queued
        }
    }

    /** The token bucket; a player dropped more than {@code floodDropsPerSecond} times in a second is disconnected. */
    private boolean admit(Seat s) {
        long now = server.nanoTime();
        if (s.bucket == null) {
            s.bucket = new TokenBucket(server.options().inputsPerSecond(), server.options().inputBurst(), now);
            s.windowStartNanos = now;
        }
        if (s.bucket.tryTake(now)) {
            return true;
        }
        server.countRateLimitedInput();
        if (now - s.windowStartNanos > 1_000_000_000L) {
            s.windowStartNanos = now;
            s.dropsInWindow = 0;
        }
        if (++s.dropsInWindow > server.options().floodDropsPerSecond()) {
            server.countFloodDisconnect();
            seat = null;
            s.socket = null;
            s.match.leave(s.playerId, LeaveReason.DISCONNECTED);
            socket.disconnect(true);
        }
        return false;
    }

    private void disconnected(DisconnectReason reason) {
        Seat s = seat;
        if (s == null || s.gone || s.socket != socket) {
            return;
        }
        s.socket = null;
        if (reason == DisconnectReason.CLIENT_NAMESPACE_DISCONNECT || reason == DisconnectReason.SERVER_NAMESPACE_DISCONNECT) {
            s.match.leave(s.playerId, LeaveReason.LEFT);
        } else {
            server.startGrace(s);
        }
    }

    private static Map<String, String> labels(Value map) {
        if (!map.isMap()) {
            return Map.of();
        }
        Map<String, String> labels = new HashMap<>();
        map.asMap().forEach((k, v) -> {
            if (v.isString()) {
                labels.put(k, v.asString());
            }
        });
        return labels;
    }
}
