package io.tickwire.sample;

import io.tickwire.net.launch.LaunchConfig;
import io.tickwire.net.launch.LaunchOption;
import io.tickwire.net.launch.Launcher;
import io.tickwire.net.launch.ServerSettings;
import io.tickwire.net.launch.TickwireServer;
import io.tickwire.net.match.GameServer;
import io.tickwire.net.server.HttpRoute;
import io.tickwire.net.socketio.SocketIoServer;
import io.tickwire.sample.lobby.ArenaDirectory;
import io.tickwire.sample.lobby.LobbyEvents;
import io.tickwire.sample.match.ArenaMode;
import io.tickwire.sample.match.ArenaSettings;
import io.tickwire.sample.web.WebClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The arena game server: what {@code ./run} starts. One HTTP port serves the web client, Socket.IO (the
 * game on {@code /game}, the lobby's {@code arenas} event on {@code /}), the official client bundle and the
 * operations routes ({@code /health}, {@code /ready}, {@code /metrics}, the admin UI when enabled).
 *
 * <p>{@link #start} may be called from any thread; {@link #close()} stops everything it started.
 */
public final class ArenaServer implements AutoCloseable {
    /** The arena's own options, beside the server's ({@code ./run --help}). */
    static final List<LaunchOption> OPTIONS = List.of(
            LaunchOption.of("arena.fill", "--fill", "N", "bots fill each arena up to N fighters while humans are fewer"),
            LaunchOption.of("arena.round", "--round", "DURATION", "how long a round lasts (a number alone: seconds)"));

    private final TickwireServer server;

    private ArenaServer(TickwireServer server) {
        this.server = server;
    }

    /**
     * Starts the game's loops and listens on {@code host:port} (port 0: any free port), every other server
     * option at its default.
     *
     * @throws IllegalStateException if the web client was not bundled into the classpath
     */
    public static ArenaServer start(String host, int port, ArenaSettings settings) {
        return start(ServerSettings.defaults().withAddress(host, port), settings);
    }

    /** Starts the game with {@code server}'s options. */
    public static ArenaServer start(ServerSettings server, ArenaSettings settings) {
        return new ArenaServer(TickwireServer.start(server, application(settings)));
    }

    private static TickwireServer.Application application(ArenaSettings settings) {
        return new TickwireServer.Application() {
            @Override
            public GameServer.Builder games(SocketIoServer io) {
                ArenaDirectory directory = new ArenaDirectory();
                LobbyEvents.install(io, directory);
                return GameServer.builder(io).mode(ArenaMode.of(settings, directory, ArenaServer::epochMicros));
            }

            @Override
            public List<HttpRoute> routes() {
                return WebClient.routes();
            }
        };
    }

    /** The port it listens on. */
    public int port() {
        return server.port();
    }

    /** The game host (counters, matches). */
    public GameServer games() {
        return server.games();
    }

    /** The server underneath (graceful shutdown, Socket.IO server). */
    public TickwireServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }

    private static long epochMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    /** The arena's settings from its options ({@code --fill}, {@code --round}). */
    static ArenaSettings arenaSettings(LaunchConfig config) {
        String round = config.string("arena.round").trim();
        long roundMs = round.matches("\\d+") ? 1000 * Long.parseLong(round) : config.duration("arena.round").toMillis();
        if (roundMs < 1000) {
            throw config.invalid("arena.round", "must be at least 1s, was " + round);
        }
        int fill = config.integer("arena.fill", 0);
        if (fill > 16) {
            throw config.invalid("arena.fill", "must be at most 16, was " + fill);
        }
        return ArenaSettings.builder().combatants(fill).roundMs(roundMs).build();
    }

    /**
     * Every server option and the arena's ({@code --help} lists them with their defaults); port from
     * {@code --port}, else {@code TICKWIRE_SERVER_PORT} or {@code PORT}, else 3000. Runs until killed; SIGTERM
     * shuts down gracefully.
     */
    public static void main(String[] args) throws InterruptedException {
        Launcher launcher = new Launcher("./run", "The Tickwire arena: a multiplayer shooter in the browser.", OPTIONS);
        TickwireServer server = TickwireServer.main(launcher, args, config -> application(arenaSettings(config)));
        if (server == null) {
            return;
        }
        ServerSettings s = server.settings();
        System.out.println("Tickwire arena on http" + (s.tls() == null ? "" : "s") + "://"
                + (s.host().equals("127.0.0.1") ? "localhost" : s.host()) + ":" + server.port() + "/");
        Thread.currentThread().join();
    }
}
