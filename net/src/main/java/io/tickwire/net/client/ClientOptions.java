package io.tickwire.net.client;

import io.netty.handler.ssl.SslContext;
import io.tickwire.net.socketio.parser.MapValue;
import io.tickwire.net.socketio.parser.ParserKind;

import java.util.List;
import java.util.Map;

/**
 * Options of one {@link Manager} (one Engine.IO connection), named and defaulted as socket.io-client's.
 *
 * @param path                  the server's Socket.IO path (default {@code "/socket.io/"})
 * @param transports            tried in order; the first opens the session (default polling, websocket)
 * @param upgrade               whether a polling session upgrades to WebSocket when the server offers it
 * @param parser                the wire encoding (default {@link ParserKind#DEFAULT})
 * @param auth                  the CONNECT payload of every namespace socket unless given per socket; may be null
 * @param query                 extra query parameters of every Engine.IO request (not null, may be empty)
 * @param reconnection          whether the manager reconnects after losing the connection (default true)
 * @param reconnectionAttempts  attempts before giving up (default unbounded, {@link Integer#MAX_VALUE})
 * @param reconnectionDelayMs   first backoff delay (default 1000)
 * @param reconnectionDelayMaxMs backoff ceiling (default 5000)
 * @param randomizationFactor   jitter, 0 to 1 (default 0.5)
 * @param timeoutMs             a connection attempt fails after this long (default 20000)
 * @param ackTimeoutMs          default timeout of acknowledgements, 0 for none (socket.io-client's {@code ackTimeout})
 * @param maxPayloadBytes       largest HTTP body or WebSocket frame accepted from the server (default 1e6,
 *                              the server's {@code maxHttpBufferSize} default)
 * @param maxBufferedPackets    packets an unconnected socket keeps for sending on connect (default 1000;
 *                              on overflow the emit is dropped and its acknowledgement fails)
 * @param extraHeaders          HTTP headers of every polling request and of the WebSocket handshake
 *                              (socket.io-client's {@code extraHeaders} in Node; not null, may be empty)
 * @param sslContext            the TLS client context for {@code https://} and {@code wss://} URLs; null (the
 *                              default) for the JDK's trusted certificates with host name verification
 */
public record ClientOptions(String path, List<TransportType> transports, boolean upgrade, ParserKind parser,
                            MapValue auth, Map<String, String> query, boolean reconnection,
                            int reconnectionAttempts, long reconnectionDelayMs, long reconnectionDelayMaxMs,
                            double randomizationFactor, long timeoutMs, long ackTimeoutMs, int maxPayloadBytes,
                            int maxBufferedPackets, Map<String, String> extraHeaders, SslContext sslContext) {

    /** @throws IllegalArgumentException naming the first option that is out of range */
    public ClientOptions {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with \"/\": " + path);
        }
        if (transports == null || transports.isEmpty()) {
            throw new IllegalArgumentException("transports must name at least one transport");
        }
        transports = List.copyOf(transports);
        query = Map.copyOf(query == null ? Map.of() : query);
        extraHeaders = Map.copyOf(extraHeaders == null ? Map.of() : extraHeaders);
        if (sslContext != null && !sslContext.isClient()) {
            throw new IllegalArgumentException("sslContext must be a client context");
        }
        if (parser == null) {
            throw new IllegalArgumentException("parser must not be null");
        }
        if (reconnectionAttempts < 0) {
            throw new IllegalArgumentException("reconnectionAttempts must be >= 0: " + reconnectionAttempts);
        }
        if (reconnectionDelayMs < 0 || reconnectionDelayMaxMs < reconnectionDelayMs) {
            throw new IllegalArgumentException("reconnectionDelayMs must be >= 0 and <= reconnectionDelayMaxMs: "
                    + reconnectionDelayMs + " / " + reconnectionDelayMaxMs);
        }
        if (!(randomizationFactor >= 0 && randomizationFactor <= 1)) {
            throw new IllegalArgumentException("randomizationFactor must be in [0, 1]: " + randomizationFactor);
        }
        if (timeoutMs <= 0) {
            throw new IllegalArgumentException("timeoutMs must be > 0: " + timeoutMs);
        }
        if (ackTimeoutMs < 0) {
            throw new IllegalArgumentException("ackTimeoutMs must be >= 0: " + ackTimeoutMs);
        }
        if (maxPayloadBytes < 1024) {
            throw new IllegalArgumentException("maxPayloadBytes must be >= 1024: " + maxPayloadBytes);
        }
        if (maxBufferedPackets < 0) {
            throw new IllegalArgumentException("maxBufferedPackets must be >= 0: " + maxBufferedPackets);
        }
    }

    /** socket.io-client's defaults. */
    public static ClientOptions defaults() {
        return builder().build();
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ClientOptions}; validation happens in {@link #build()}. */
    public static final class Builder {
        private String path = "/socket.io/";
        private List<TransportType> transports = List.of(TransportType.POLLING, TransportType.WEBSOCKET);
        private boolean upgrade = true;
        private ParserKind parser = ParserKind.DEFAULT;
        private MapValue auth;
        private Map<String, String> query = Map.of();
        private boolean reconnection = true;
        private int reconnectionAttempts = Integer.MAX_VALUE;
        private long reconnectionDelayMs = 1000;
        private long reconnectionDelayMaxMs = 5000;
        private double randomizationFactor = 0.5;
        private long timeoutMs = 20_000;
        private long ackTimeoutMs;
        private int maxPayloadBytes = 1_000_000;
        private int maxBufferedPackets = 1000;
        private Map<String, String> extraHeaders = Map.of();
        private SslContext sslContext;

        private Builder() {
        }

        public Builder path(String path) {
            this.path = path;
            return this;
        }

        public Builder transports(TransportType... transports) {
            this.transports = List.of(transports);
            return this;
        }

        public Builder upgrade(boolean upgrade) {
            this.upgrade = upgrade;
            return this;
        }

        public Builder parser(ParserKind parser) {
            this.parser = parser;
            return this;
        }

        /** The CONNECT payload (socket.io-client's {@code auth}); null sends none. */
        public Builder auth(MapValue auth) {
            this.auth = auth;
            return this;
        }

        public Builder query(Map<String, String> query) {
            this.query = query;
            return this;
        }

        public Builder reconnection(boolean reconnection) {
            this.reconnection = reconnection;
            return this;
        }

        public Builder reconnectionAttempts(int reconnectionAttempts) {
            this.reconnectionAttempts = reconnectionAttempts;
            return this;
        }

        public Builder reconnectionDelayMs(long reconnectionDelayMs) {
            this.reconnectionDelayMs = reconnectionDelayMs;
            return this;
        }

        public Builder reconnectionDelayMaxMs(long reconnectionDelayMaxMs) {
            this.reconnectionDelayMaxMs = reconnectionDelayMaxMs;
            return this;
        }

        public Builder randomizationFactor(double randomizationFactor) {
            this.randomizationFactor = randomizationFactor;
            return this;
        }

        public Builder timeoutMs(long timeoutMs) {
            this.timeoutMs = timeoutMs;
            return this;
        }

        public Builder ackTimeoutMs(long ackTimeoutMs) {
            this.ackTimeoutMs = ackTimeoutMs;
            return this;
        }

        public Builder maxPayloadBytes(int maxPayloadBytes) {
            this.maxPayloadBytes = maxPayloadBytes;
            return this;
        }

        public Builder maxBufferedPackets(int maxBufferedPackets) {
            this.maxBufferedPackets = maxBufferedPackets;
            return this;
        }

        public Builder extraHeaders(Map<String, String> extraHeaders) {
            this.extraHeaders = extraHeaders;
            return this;
        }

        /** E.g. {@code SslContextBuilder.forClient().trustManager(caPemFile).build()} for a private CA. */
        public Builder sslContext(SslContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        public ClientOptions build() {
            return new ClientOptions(path, transports, upgrade, parser, auth, query, reconnection,
                    reconnectionAttempts, reconnectionDelayMs, reconnectionDelayMaxMs, randomizationFactor,
                    timeoutMs, ackTimeoutMs, maxPayloadBytes, maxBufferedPackets, extraHeaders, sslContext);
        }
    }
}
