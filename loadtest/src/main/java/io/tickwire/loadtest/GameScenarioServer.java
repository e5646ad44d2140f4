package io.tickwire.loadtest;

import io.tickwire.engine.match.MatchOptions;
import io.tickwire.net.match.GameMode;
import io.tickwire.net.match.GameServer;
import io.tickwire.net.server.HttpRoute;
import io.tickwire.net.server.HttpServer;
import io.tickwire.net.socketio.SocketIoOptions;
import io.tickwire.net.socketio.SocketIoServer;

/**
 * The server side of the game scenario: {@link ArenaGame} hosted by {@link GameServer} as mode
 * {@value ArenaGame#MODE} on namespace {@code /game}, with GameServer's defaults (60 Hz simulation, state at
 * 20 Hz). Started by {@code ./run loadtest serve-game}; the tests start it in-process.
 */
public final class GameScenarioServer implements AutoCloseable {
    private final SocketIoServer io;
    private final GameServer games;
    private final HttpServer http;

    private GameScenarioServer(SocketIoServer io, GameServer games, HttpServer http) {
        this.io = io;
        this.games = games;
        this.http = http;
    }

    /**
     * Starts on {@code host:port} (port 0 picks a free one) with matches of at most {@code maxPlayers} players.
     *
     * @throws IllegalArgumentException if {@code maxPlayers} is out of MatchOptions' range
     */
    public static GameScenarioServer start(String host, int port, int maxPlayers) {
        SocketIoServer io = new SocketIoServer(SocketIoOptions.defaults());
        WallClock clock = WallClock.system();
        GameServer games = GameServer.builder(io)
                .mode(new GameMode(ArenaGame.MODE, MatchOptions.builder().maxPlayers(maxPlayers).build(),
                        () -> new ArenaGame(clock), ArenaGame.inputRules()))
                .build()
                .start();
        HttpServer http = HttpServer.builder().host(host).port(port).routes(HttpRoute.socketIo(io)).start();
        return new GameScenarioServer(io, games, http);
    }

    public int port() {
        return http.port();
    }

    /** The hosting server, for its counters (invalid, rate-limited inputs, volatile drops). */
    public GameServer games() {
        return games;
    }

    @Override
    public void close() {
        http.close();
        games.close();
        io.close();
    }
}
