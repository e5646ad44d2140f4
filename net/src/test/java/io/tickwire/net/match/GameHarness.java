package io.tickwire.net.match;

import io.tickwire.engine.match.MatchOptions;
import io.tickwire.engine.match.MatchRegistry;
import io.tickwire.net.server.HttpRoute;
import io.tickwire.net.server.HttpServer;
import io.tickwire.net.socketio.SocketIoOptions;
import io.tickwire.net.socketio.SocketIoServer;
import io.tickwire.net.testing.NodeProcess;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link GameServer} hosting {@link CounterGame} in mode "duel" (2 players) and {@link FieldGame} in mode
 * "field" (4 players, interest management) on a free loopback port, and
 * the Node players ({@code net/src/test/js/match/player.mjs}) connected to it. Closes everything.
 */
final class GameHarness implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);

    final SocketIoServer io;
    final HttpServer http;
    final GameServer games;
    final List<CounterGame> matches = new CopyOnWriteArrayList<>();
    final List<FieldGame> fields = new CopyOnWriteArrayList<>();
    private final List<NodeProcess> players = new ArrayList<>();

    GameHarness(GameServerOptions options, int ballast, long criticalTimeoutMs) {
        this(options, ballast, criticalTimeoutMs, MatchRegistry.builder(), MatchObserver.NONE);
    }

    GameHarness(GameServerOptions options, int ballast, long criticalTimeoutMs, MatchRegistry.Builder registry,
            MatchObserver observer) {
        this(SocketIoOptions.defaults(), options, ballast, criticalTimeoutMs, registry, observer, true);
    }

    GameHarness(GameServerOptions options, int ballast, long criticalTimeoutMs, MatchRegistry.Builder registry,
            MatchObserver observer, boolean startLoops) {
        this(SocketIoOptions.defaults(), options, ballast, criticalTimeoutMs, registry, observer, startLoops);
    }

    GameHarness(SocketIoOptions socketIo, GameServerOptions options, int ballast, long criticalTimeoutMs,
            MatchRegistry.Builder registry, MatchObserver observer, boolean startLoops) {
        io = new SocketIoServer(socketIo);
        games = GameServer.builder(io)
                .options(options)
                .registry(registry)
                .observer(observer)
                .mode(new GameMode("duel", MatchOptions.builder().maxPlayers(2).build(), () -> {
                    CounterGame game = new CounterGame(ballast, criticalTimeoutMs);
                    matches.add(game);
                    return game;
                }, InputRules.fixedSize(4)))
                .mode(new GameMode("field", MatchOptions.builder().maxPlayers(4).build(), () -> {
                    FieldGame game = new FieldGame();
                    fields.add(game);
                    return game;
                }, InputRules.fixedSize(4)))
                .build();
        if (startLoops) {
            games.start();
        }
        http = HttpServer.builder().port(0).routes(HttpRoute.socketIo(io)).start();
    }

    GameHarness() {
        this(GameServerOptions.defaults(), 0, 300);
    }

    /** Starts a player and waits until it is connected to the game namespace. */
    NodeProcess player(String name) throws InterruptedException {
        return player(name, "msgpack");
    }

    /** As {@link #player(String)} with the given parser: {@code msgpack} or {@code default}. */
    NodeProcess player(String name, String parser) throws InterruptedException {
        return player(name, parser, "websocket");
    }

    /** As {@link #player(String, String)} allowed only {@code transport}: {@code websocket} or {@code polling}. */
    NodeProcess player(String name, String parser, String transport) throws InterruptedException {
        NodeProcess p = NodeProcess.start("net/src/test/js/match/player.mjs", "http://127.0.0.1:" + http.port(), name,
                parser, transport);
        players.add(p);
        p.awaitLine(l -> l.contains("\"ev\":\"ready\""), WAIT);
        return p;
    }

    /** Sends {@code command} and waits for the reply to it. */
    static String request(NodeProcess p, String command) throws InterruptedException {
        String req = command.split(" ")[0];
        p.send(command);
        return p.awaitLine(l -> l.contains("\"ev\":\"reply\"") && l.contains("\"req\":\"" + req + "\""), WAIT);
    }

    static String await(NodeProcess p, String event, Predicate<String> also) throws InterruptedException {
        return p.awaitLine(l -> l.contains("\"ev\":\"" + event + "\"") && also.test(l), WAIT);
    }

    static String text(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no string \"" + key + "\" in " + json);
        }
        return m.group(1);
    }

    static long number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(-?\\d+)").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no number \"" + key + "\" in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    /** The last input sequence a state line reports for {@code playerId}. */
    static long lastInput(String stateJson, long playerId) {
        Matcher m = Pattern.compile("\"lastInputs\":\\[([^]]*)]").matcher(stateJson);
        if (!m.find()) {
            throw new AssertionError("no lastInputs in " + stateJson);
        }
        String[] flat = m.group(1).split(",");
        for (int i = 0; i + 1 < flat.length; i += 2) {
            if (Long.parseLong(flat[i]) == playerId) {
                return Long.parseLong(flat[i + 1]);
            }
        }
        throw new AssertionError("player " + playerId + " not in " + stateJson);
    }

    @Override
    public void close() {
        for (NodeProcess p : players) {
            p.close();
        }
        games.close();
        io.close();
        http.close();
    }
}
