package io.tickwire.net.launch;

import io.tickwire.net.admin.AdminInstrumentation;
import io.tickwire.net.admin.AdminOptions;
import io.tickwire.net.admin.AdminUiRoute;
import io.tickwire.net.match.GameServer;
import io.tickwire.net.metrics.ServerMetrics;
import io.tickwire.net.server.HealthRoute;
import io.tickwire.net.server.HttpRoute;
import io.tickwire.net.server.HttpServer;
import io.tickwire.net.socketio.Namespace;
import io.tickwire.net.socketio.SocketIoServer;
import io.tickwire.net.socketio.parser.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Function;

/**
 * A whole game server from {@link ServerSettings}: the Socket.IO server, the application's {@link GameServer},
 * {@code /health}, {@code /ready}, {@code /metrics}, the admin UI when enabled, the application's own routes,
 * on one HTTP(S) port.
 * {@link #shutdown()} is the graceful stop that SIGTERM runs (see {@link Launcher}).
 *
 * <p>Threading: {@link #start} and {@link #shutdown} may be called from any thread except an event loop or a
 * match loop (they block).
 */
public final class TickwireServer implements AutoCloseable {
    /** The event every namespace's clients get when a graceful shutdown begins: {@code {drainTimeoutMs}}. */
    public static final String SHUTTING_DOWN_EVENT = "server shutting down";

    /** Made with the server, not with the class: {@link #main} must set the log level before the first logger. */
    private final Logger log = LoggerFactory.getLogger(TickwireServer.class);
    private final ServerSettings settings;
    private final SocketIoServer io;
    private final GameServer games;
    private final HttpServer http;
    private final AdminInstrumentation admin;
    private volatile boolean draining;
    private boolean closed;

    /** What an application adds to the server. */
    public interface Application {
        /**
         * Makes the game server on {@code io}: its modes, and any handlers of the application's own. The
         * launcher sets the builder's options and observer. On the starting thread.
         */
        GameServer.Builder games(SocketIoServer io);

        /** HTTP routes of the application (pages, files), tried after the server's own. */
        default List<HttpRoute> routes() {
            return List.of();
        }
    }

    private TickwireServer(ServerSettings settings, Application app) {
        this.settings = settings;
        this.io = new SocketIoServer(settings.socketIo());
        ServerSettings.AdminSettings a = settings.admin();
        this.admin = !a.enabled() ? null : AdminInstrumentation.install(io, (a.auth()
                ? AdminOptions.basicAuth(a.username(), a.passwordHash()) : AdminOptions.noAuth())
                .withReadOnly(a.readOnly()).withDevelopment(!a.production()));
        ServerMetrics metrics = ServerMetrics.create();
        this.games = app.games(io).options(settings.game()).observer(metrics.matchObserver()).build().start();
        metrics.register(io).register(games);
        HttpServer.Builder http = HttpServer.builder()
                .host(settings.host()).port(settings.port()).ioThreads(settings.ioThreads())
                .ioTransport(settings.ioTransport())
                .maxRequestBodyBytes(settings.socketIo().engine().maxHttpBufferSize())
                .maxHeaderBytes(settings.maxHeaderBytes())
                .webSocketCompression(settings.socketIo().engine().perMessageDeflate())
                .route(new HealthRoute(() -> !draining));
        if (settings.metrics()) {
            http.route(metrics.route());
        }
        if (admin != null) {
            http.route(new AdminUiRoute());
        }
        if (settings.tls() != null) {
            http.tls(settings.tls().newServerContext());
        }
        this.http = http.routes(HttpRoute.socketIo(io)).routes(app.routes()).start();
    }

    /**
     * Starts the server. @throws InvalidOptionException when the TLS files cannot be used
     * @throws io.netty.channel.ChannelException when the address cannot be bound
     */
    public static TickwireServer start(ServerSettings settings, Application app) {
        TickwireServer server = new TickwireServer(settings, app);
        server.log.info("listening on {}://{}:{} ({} event loops, {})", server.http.isTls() ? "https" : "http",
                settings.host(), server.port(), settings.ioThreads(), server.http.ioTransport());
        return server;
    }

    /** The admin UI's instrumentation, or null when {@code --admin} is off. */
    public AdminInstrumentation admin() {
        return admin;
    }

    public int port() {
        return http.port();
    }

    public SocketIoServer io() {
        return io;
    }

    public GameServer games() {
        return games;
    }

    public ServerSettings settings() {
        return settings;
    }

    /** False once a shutdown began ({@code /ready} answers 503). */
    public boolean isReady() {
        return !draining;
    }

    /**
     * The graceful stop: {@code /ready} turns 503 and new Engine.IO handshakes are refused (403), while the
     * port stays open so that probes, pages and the open sessions are still served; every namespace's clients
     * get {@value #SHUTTING_DOWN_EVENT}; each game hears {@link io.tickwire.engine.match.Match#onShutdown} and
     * the matches keep ticking (locked) until their critical messages are acknowledged or the drain timeout
     * passes ({@link GameServer#drain}); then the matches end (players get {@code left}), the sessions
     * close, the port closes and the event loops stop. Idempotent.
     */
    public synchronized void shutdown() {
        if (closed) {
            return;
        }
        draining = true;
        long drainMs = settings.drainTimeout().toMillis();
        log.info("shutting down: no new connections, draining matches for up to {} ms", drainMs);
        io.engine().refuseHandshakes();
        for (Namespace namespace : io.namespaces()) {
            namespace.emit(SHUTTING_DOWN_EVENT, Value.map("drainTimeoutMs", drainMs));
        }
        try {
            boolean settled = games.drain(drainMs);
            log.info(settled ? "every critical message was settled" : "drain timeout: {} critical messages left",
                    games.outstandingCriticalMessages());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    /** Stops at once: matches end, sessions close, the port is released. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        draining = true;
        games.close();
        if (admin != null) {
            admin.close();
        }
        io.close();
        http.close();
        log.info("stopped");
    }

    /** Starts {@code app} from the command line: options as {@link Launcher} reads them, SIGTERM drains. */
    public static TickwireServer main(Launcher launcher, String[] args,
                                      Function<LaunchConfig, Application> app) {
        TickwireServer server = launcher.start(args, System.getenv(),
                config -> start(ServerSettings.from(config), app.apply(config)), System.out, System.err);
        if (server != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "tickwire-shutdown"));
        }
        return server;
    }
}
