package io.tickwire.sample;

import io.tickwire.net.match.GameServer;
import io.tickwire.net.server.HttpRoute;
import io.tickwire.net.server.HttpServer;
import io.tickwire.net.socketio.SocketIoOptions;
import io.tickwire.net.socketio.SocketIoServer;
import io.tickwire.sample.lobby.ArenaDirectory;
import io.tickwire.sample.lobby.LobbyEvents;
import io.tickwire.sample.match.ArenaMode;
import io.tickwire.sample.match.ArenaSettings;
import io.tickwire.sample.web.WebClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The arena game server: what {@code ./run} starts. One HTTP port serves the web client, Socket.IO (the
 * game on {@code /game}, the lobby's {@code arenas} event on {@code /}) and the official client bundle.
 *
 * <p>{@link #start} may be called from any thread; {@link #close()} stops everything it started.
 */
public final class ArenaServer implements AutoCloseable {
    private final SocketIoServer io;
    private final GameServer games;
    private final HttpServer http;

    private ArenaServer(SocketIoServer io, GameServer games, HttpServer http) {
        this.io = io;
        this.games = games;
        this.http = http;
    }

    /**
     * Starts the game's loops and listens on {@code host:port} (port 0: any free port).
     *
     * @throws IllegalStateException if the web client was not bundled into the classpath
     */
    public static ArenaServer start(String host, int port, ArenaSettings settings) {
        SocketIoServer io = new SocketIoServer(SocketIoOptions.defaults());
        ArenaDirectory directory = new ArenaDirectory();
        GameServer games = GameServer.builder(io)
                .mode(ArenaMode.of(settings, directory, ArenaServer::epochMicros))
                .build()
                .start();
        LobbyEvents.install(io, directory);
        HttpServer http = HttpServer.builder().host(host).port(port)
                .maxRequestBodyBytes(io.options().engine().maxHttpBufferSize())
                .routes(HttpRoute.socketIo(io))
                .routes(WebClient.routes())
                .start();
        return new ArenaServer(io, games, http);
    }

    /** The port it listens on. */
    public int port() {
        return http.port();
    }

    /** The game host (counters, matches). */
    public GameServer games() {
        return games;
    }

    @Override
    public void close() {
        http.close();
        games.close();
        io.close();
    }

    private static long epochMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    /**
     * {@code [--port N] [--host H] [--fill N] [--round S]}: port from {@code --port}, else the {@code PORT}
     * environment variable, else 3000; host 127.0.0.1 unless given; bots fill arenas up to {@code --fill} fighters
     * (default 4); rounds last {@code --round} seconds (default 180). Runs until killed.
     */
    public static void main(String[] args) throws InterruptedException {
        String portText = System.getenv().getOrDefault("PORT", "3000");
        String host = "127.0.0.1";
        ArenaSettings.Builder settings = ArenaSettings.builder();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> portText = value(args, ++i, "--port");
                case "--host" -> host = value(args, ++i, "--host");
                case "--fill" -> settings.combatants(number(value(args, ++i, "--fill"), "--fill"));
                case "--round" -> settings.roundMs(1000L * number(value(args, ++i, "--round"), "--round"));
                case "-h", "--help" -> {
                    System.out.println("usage: ./run [--port N] [--host H] [--fill N]\n"
                            + "  --port N  HTTP port (default: the PORT environment variable, else 3000)\n"
                            + "  --host H  address to listen on (default 127.0.0.1)\n"
                            + "  --fill N  bots fill each arena up to N fighters while humans are fewer (default 4)\n"
                            + "  --round S seconds a round lasts (default 180)");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + " (try --help)");
            }
        }
        ArenaServer server = start(host, number(portText, "--port"), settings.build());
        System.out.println("Tickwire arena on http://" + (host.equals("127.0.0.1") ? "localhost" : host) + ":"
                + server.port() + "/");
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        Thread.currentThread().join();
    }

    private static int number(String text, String option) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, got " + text);
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
