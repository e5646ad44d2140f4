package io.tickwire.net.socketio;

import io.tickwire.net.engineio.EngineIoOptions;
import io.tickwire.net.socketio.adapter.Adapter;
import io.tickwire.net.socketio.adapter.InMemoryAdapter;
import io.tickwire.net.socketio.adapter.SessionAwareAdapter;
import io.tickwire.net.socketio.parser.ParserOptions;

import java.util.Objects;
import java.util.function.Function;

/**
 * The options of a {@link SocketIoServer}, with the names and defaults of the reference server (see
 * {@code docs/server-options.md}). Immutable; build with {@link #builder()}.
 *
 * @param engine           the Engine.IO options; their {@code path} is this server's path (default {@code /socket.io/})
 * @param connectTimeoutMs how long a new connection may take to join a namespace before it is closed (default 45000)
 * @param parser           the parser options: pin one parser or choose per connection (default), limits
 * @param recovery         connection state recovery, or null when off (default)
 * @param adapterFactory   makes each namespace's adapter (default: in-memory, session-aware when recovery is on)
 * @param serveClient      whether the official browser client bundles are served under the path (default true)
 * @param eventRateLimit   how many packets a connection may send before they are dropped and it is closed,
 *                         or null for no limit (default; not a reference option)
 */
public record SocketIoOptions(EngineIoOptions engine, long connectTimeoutMs, ParserOptions parser,
                              RecoveryOptions recovery, Function<Namespace, Adapter> adapterFactory,
                              boolean serveClient, EventRateLimit eventRateLimit) {

    /** @throws IllegalArgumentException naming the option out of range */
    public SocketIoOptions {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(parser, "parser");
        if (connectTimeoutMs <= 0) {
            throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeoutMs);
        }
        if (adapterFactory == null) {
            RecoveryOptions r = recovery;
            adapterFactory = r == null
                    ? InMemoryAdapter::new
                    : nsp -> new SessionAwareAdapter(nsp, r.maxDisconnectionDurationMs(), r.maxKeptPackets(),
                    System::currentTimeMillis);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static SocketIoOptions defaults() {
        return builder().build();
    }

    /** Builds {@link SocketIoOptions}; not thread-safe. */
    public static final class Builder {
        private EngineIoOptions engine = EngineIoOptions.builder().path("/socket.io/").build();
        private long connectTimeoutMs = 45_000;
        private ParserOptions parser = ParserOptions.defaults();
        private RecoveryOptions recovery;
        private Function<Namespace, Adapter> adapterFactory;
        private boolean serveClient = true;
        private EventRateLimit eventRateLimit;

        private Builder() {
        }

        /** The Engine.IO options (ping, transports, CORS, path…); build them with path {@code /socket.io/}. */
        public Builder engine(EngineIoOptions engine) {
            this.engine = engine;
            return this;
        }

        public Builder connectTimeoutMs(long connectTimeoutMs) {
            this.connectTimeoutMs = connectTimeoutMs;
            return this;
        }

        public Builder parser(ParserOptions parser) {
            this.parser = parser;
            return this;
        }

        /** Turns connection state recovery on with {@code recovery}, or off with null. */
        public Builder connectionStateRecovery(RecoveryOptions recovery) {
            this.recovery = recovery;
            return this;
        }

        public Builder adapterFactory(Function<Namespace, Adapter> adapterFactory) {
            this.adapterFactory = adapterFactory;
            return this;
        }

        public Builder serveClient(boolean serveClient) {
            this.serveClient = serveClient;
            return this;
        }

        /** Limits each connection's packet rate; null (the default) for no limit. */
        public Builder eventRateLimit(EventRateLimit eventRateLimit) {
            this.eventRateLimit = eventRateLimit;
            return this;
        }

        public SocketIoOptions build() {
            return new SocketIoOptions(engine, connectTimeoutMs, parser, recovery, adapterFactory, serveClient,
                    eventRateLimit);
        }
    }
}
