package io.tickwire.net.launch;

import java.util.List;

/** Every option of a Tickwire server, in the order {@code --help} lists them; defaults in {@code reference.conf}. */
public final class ServerOptions {
    private ServerOptions() {
    }

    public static final LaunchOption CONFIG_FILE = LaunchOption.of("tickwire.config", "--config", "FILE",
            "a HOCON file of options (flags and environment variables override it)");

    public static final List<LaunchOption> ALL = List.of(
            LaunchOption.of("tickwire.server.host", "--host", "ADDRESS", "address to listen on (0.0.0.0: every interface)"),
            LaunchOption.of("tickwire.server.port", "--port", "N", "HTTP port; 0 picks a free one").alsoFromEnv("PORT"),
            LaunchOption.of("tickwire.server.io-threads", "--io-threads", "N", "event loop threads; 0: one per core"),
            LaunchOption.of("tickwire.server.max-http-buffer-size", "--max-http-buffer-size", "BYTES",
                    "largest POST body or WebSocket message"),
            LaunchOption.of("tickwire.engine.path", "--path", "PATH", "the Socket.IO path"),
            LaunchOption.of("tickwire.engine.ping-interval", "--ping-interval", "DURATION", "time between server pings"),
            LaunchOption.of("tickwire.engine.ping-timeout", "--ping-timeout", "DURATION", "time a client has to answer a ping"),
            LaunchOption.of("tickwire.engine.upgrade-timeout", "--upgrade-timeout", "DURATION",
                    "time a transport upgrade may take"),
            LaunchOption.of("tickwire.engine.transports", "--transports", "LIST", "transports allowed: polling,websocket"),
            LaunchOption.toggle("tickwire.engine.allow-upgrades", "--allow-upgrades", "polling sessions may upgrade to WebSocket"),
            LaunchOption.toggle("tickwire.engine.per-message-deflate", "--per-message-deflate",
                    "negotiate WebSocket compression"),
            LaunchOption.of("tickwire.engine.cors-origins", "--cors-origins", "ORIGINS",
                    "CORS: empty for none, * for any, else a comma-separated list"),
            LaunchOption.of("tickwire.socketio.connect-timeout", "--connect-timeout", "DURATION",
                    "time a new connection has to join a namespace"),
            LaunchOption.toggle("tickwire.socketio.serve-client", "--serve-client", "serve the official client bundles"),
            LaunchOption.of("tickwire.socketio.recovery-max-disconnection", "--recovery", "DURATION",
                    "connection state recovery window; 0s: off"),
            LaunchOption.of("tickwire.game.namespace", "--game-namespace", "NAMESPACE", "namespace the matches are served on"),
            LaunchOption.of("tickwire.game.seat-reservation", "--seat-reservation", "DURATION",
                    "how long matchmaking holds a seat"),
            LaunchOption.of("tickwire.game.reconnect-grace", "--reconnect-grace", "DURATION",
                    "how long a dropped player keeps its seat"),
            LaunchOption.of("tickwire.game.inputs-per-second", "--inputs-per-second", "N", "sustained inputs per player"),
            LaunchOption.of("tickwire.game.input-burst", "--input-burst", "N", "inputs a player may send at once"),
            LaunchOption.of("tickwire.game.flood-drops-per-second", "--flood-drops-per-second", "N",
                    "rate-limited inputs per second that disconnect a player"),
            LaunchOption.of("tickwire.game.max-pending-actions", "--max-pending-actions", "N",
                    "critical actions a player may have waiting"),
            LaunchOption.of("tickwire.game.critical-retries", "--critical-retries", "N",
                    "resends of an unacknowledged critical message"),
            LaunchOption.of("tickwire.shutdown.drain-timeout", "--drain-timeout", "DURATION",
                    "on SIGTERM, how long matches may finish before the server closes"),
            LaunchOption.of("tickwire.tls.certificate", "--tls-certificate", "FILE", "PEM certificate chain (https/wss)"),
            LaunchOption.of("tickwire.tls.private-key", "--tls-private-key", "FILE", "PEM PKCS#8 private key of the certificate"),
            LaunchOption.of("tickwire.tls.key-store", "--tls-key-store", "FILE", "PKCS#12 key store instead of PEM files"),
            LaunchOption.of("tickwire.tls.key-store-password", "--tls-key-store-password", "PASSWORD",
                    "password of the key store"),
            LaunchOption.toggle("tickwire.metrics.enabled", "--metrics", "serve Prometheus metrics at /metrics"),
            LaunchOption.toggle("tickwire.admin.enabled", "--admin", "the @socket.io/admin-ui instrumentation and UI at /admin"),
            LaunchOption.toggle("tickwire.admin.auth", "--admin-auth", "require the admin's user name and password"),
            LaunchOption.of("tickwire.admin.username", "--admin-username", "NAME", "admin user name"),
            LaunchOption.of("tickwire.admin.password-hash", "--admin-password-hash", "BCRYPT",
                    "bcrypt hash of the admin password"),
            LaunchOption.of("tickwire.admin.mode", "--admin-mode", "MODE", "development (every event) or production"),
            LaunchOption.toggle("tickwire.admin.read-only", "--admin-read-only", "the UI may look but not act"));
}
