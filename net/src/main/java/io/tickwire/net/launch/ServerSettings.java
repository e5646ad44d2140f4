package io.tickwire.net.launch;

import io.tickwire.net.engineio.CorsOptions;
import io.tickwire.net.engineio.EngineIoOptions;
import io.tickwire.net.match.GameServerOptions;
import io.tickwire.net.server.IoTransport;
import io.tickwire.net.socketio.EventRateLimit;
import io.tickwire.net.socketio.RecoveryOptions;
import io.tickwire.net.socketio.SocketIoOptions;
import io.tickwire.net.socketio.parser.ParserOptions;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every server option of {@link ServerOptions#ALL}, read and checked once, as the builders of the server's parts
 * take them. Immutable.
 *
 * @param host          address to listen on
 * @param maxHeaderBytes the largest request line plus headers the HTTP server reads
 * @param port          port to listen on, 0 for any free one
 * @param ioThreads     event loop threads (already resolved: never 0)
 * @param ioTransport   the event loops' socket implementation (already resolved and available here)
 * @param socketIo      the Socket.IO server's options (Engine.IO ones inside)
 * @param game          the game server's options
 * @param drainTimeout  how long a graceful shutdown lets matches finish
 * @param tls           the certificate to serve https/wss with, or null for plain HTTP
 * @param metrics       whether {@code /metrics} is served
 * @param admin         the admin UI's settings
 */
public record ServerSettings(String host, int maxHeaderBytes, int port, int ioThreads, IoTransport ioTransport,
                             SocketIoOptions socketIo, GameServerOptions game,
                             Duration drainTimeout, TlsSettings tls, boolean metrics, AdminSettings admin) {

    /** The admin UI: off, or on with its authentication and mode. */
    public record AdminSettings(boolean enabled, boolean auth, String username, String passwordHash,
                                boolean production, boolean readOnly) {
    }

    /** Every option at its default ({@code reference.conf}), environment and flags ignored. */
    public static ServerSettings defaults() {
        return from(new Launcher("tickwire", "", List.of()).parse(new String[0], Map.of()).config());
    }

    /** The same settings listening on {@code host:port}. */
    public ServerSettings withAddress(String host, int port) {
        return new ServerSettings(host, maxHeaderBytes, port, ioThreads, ioTransport, socketIo, game, drainTimeout, tls, metrics, admin);
    }

    /** Reads and checks the server options of {@code c}. @throws InvalidOptionException naming the first bad one */
    public static ServerSettings from(LaunchConfig c) {
        int port = c.integer("tickwire.server.port", 0);
        if (port > 65535) {
            throw c.invalid("tickwire.server.port", "must be 0..65535, was " + port);
        }
        int ioThreads = c.integer("tickwire.server.io-threads", 0);
        IoTransport ioTransport;
        try {
            ioTransport = IoTransport.parse(c.string("tickwire.server.io-transport"));
        } catch (IllegalArgumentException e) {
            throw c.invalid("tickwire.server.io-transport", e.getMessage());
        }
        int maxBuffer = c.integer("tickwire.server.max-http-buffer-size", 1);
        List<String> transports = c.list("tickwire.engine.transports");
        for (String transport : transports) {
            if (!transport.equals("polling") && !transport.equals("websocket")) {
                throw c.invalid("tickwire.engine.transports", "unknown transport '" + transport + "' (polling, websocket)");
            }
        }
        if (transports.isEmpty()) {
            throw c.invalid("tickwire.engine.transports", "must name at least one transport");
        }
        EngineIoOptions.Builder engine = EngineIoOptions.builder()
                .path(c.string("tickwire.engine.path"))
                .pingIntervalMs(positiveMs(c, "tickwire.engine.ping-interval"))
                .pingTimeoutMs(positiveMs(c, "tickwire.engine.ping-timeout"))
                .upgradeTimeoutMs(positiveMs(c, "tickwire.engine.upgrade-timeout"))
                .maxHttpBufferSize(maxBuffer)
                .transports(transports.toArray(String[]::new))
                .allowUpgrades(c.bool("tickwire.engine.allow-upgrades"))
                .perMessageDeflate(c.bool("tickwire.engine.per-message-deflate"))
                .maxWriteBufferBytes(c.integer("tickwire.server.max-write-buffer-bytes", 1))
                .maxConnections(unlimitedIfZero(c.integer("tickwire.server.max-connections", 0)))
                .maxHandshakesPerIpPerSecond(
                        unlimitedIfZero(c.integer("tickwire.server.max-handshakes-per-ip-per-second", 0)));
        List<String> origins = c.list("tickwire.engine.cors-origins");
        if (origins.equals(List.of("*"))) {
            engine.cors(CorsOptions.anyOrigin());
        } else if (!origins.isEmpty()) {
            engine.cors(CorsOptions.origins(origins.toArray(String[]::new)));
        }
        SocketIoOptions.Builder socketIo = SocketIoOptions.builder()
                .engine(engine.build())
                .connectTimeoutMs(positiveMs(c, "tickwire.socketio.connect-timeout"))
                .serveClient(c.bool("tickwire.socketio.serve-client"))
                .parser(ParserOptions.builder()
                        .maxNameLengthChars(c.integer("tickwire.socketio.max-name-length", 1)).build());
        int eventRate = c.integer("tickwire.socketio.event-rate", 0);
        if (eventRate > 0) {
            socketIo.eventRateLimit(new EventRateLimit(eventRate, c.integer("tickwire.socketio.event-burst", 1),
                    c.integer("tickwire.socketio.event-flood-drops-per-second", 0)));
        }
        long recoveryMs = c.duration("tickwire.socketio.recovery-max-disconnection").toMillis();
        if (recoveryMs > 0) {
            RecoveryOptions d = RecoveryOptions.defaults();
            socketIo.connectionStateRecovery(new RecoveryOptions(recoveryMs, d.skipMiddlewares(), d.maxKeptPackets()));
        }
        GameServerOptions game;
        try {
            game = GameServerOptions.builder()
                    .namespace(c.string("tickwire.game.namespace"))
                    .seatReservationMs(positiveMs(c, "tickwire.game.seat-reservation"))
                    .reconnectGraceMs(c.duration("tickwire.game.reconnect-grace").toMillis())
                    .inputsPerSecond(c.integer("tickwire.game.inputs-per-second", 1))
                    .inputBurst(c.integer("tickwire.game.input-burst", 1))
                    .floodDropsPerSecond(c.integer("tickwire.game.flood-drops-per-second", 1))
                    .maxPendingActions(c.integer("tickwire.game.max-pending-actions", 1))
                    .criticalRetries(c.integer("tickwire.game.critical-retries", 0))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException("tickwire.game: " + e.getMessage());
        }
        String mode = c.string("tickwire.admin.mode").toLowerCase(Locale.ROOT);
        if (!mode.equals("development") && !mode.equals("production")) {
            throw c.invalid("tickwire.admin.mode", "must be development or production, was '" + mode + "'");
        }
        AdminSettings admin = new AdminSettings(c.bool("tickwire.admin.enabled"), c.bool("tickwire.admin.auth"),
                c.string("tickwire.admin.username"), c.string("tickwire.admin.password-hash"),
                mode.equals("production"), c.bool("tickwire.admin.read-only"));
        if (admin.enabled() && admin.auth()) {
            if (!admin.passwordHash().matches("\\$2[abyx]?\\$\\d\\d\\$[./A-Za-z0-9]{53}")) {
                throw c.invalid("tickwire.admin.password-hash", admin.passwordHash().isEmpty()
                        ? "is required while the admin UI is on with auth (or turn auth off with --admin-auth=false)"
                        : "is not a bcrypt hash");
            }
            if (admin.username().isEmpty()) {
                throw c.invalid("tickwire.admin.username", "must not be empty");
            }
        }
        return new ServerSettings(c.string("tickwire.server.host"),
                c.integer("tickwire.server.max-header-bytes", 1024), port,
                ioThreads == 0 ? Runtime.getRuntime().availableProcessors() : ioThreads, ioTransport,
                socketIo.build(), game, c.duration("tickwire.shutdown.drain-timeout"), TlsSettings.from(c),
                c.bool("tickwire.metrics.enabled"), admin);
    }

    private static int unlimitedIfZero(int value) {
        return value == 0 ? Integer.MAX_VALUE : value;
    }

    private static long positiveMs(LaunchConfig c, String path) {
        Duration d = c.duration(path);
        if (d.isZero()) {
            throw c.invalid(path, "must be positive");
        }
        return d.toMillis();
    }
}
