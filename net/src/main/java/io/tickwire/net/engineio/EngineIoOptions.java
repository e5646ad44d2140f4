package io.tickwire.net.engineio;

import java.util.List;
import java.util.Objects;

/**
 * The options of an {@link EngineIoServer}, with the names and defaults of the reference server's
 * options (see {@code docs/server-options.md}, "Low-level engine options"). Immutable; build with
 * {@link #builder()}; every value is validated when built, with a message naming the option.
 *
 * @param path                  the request path, normalised to start and end with {@code /} (default {@code /engine.io/})
 * @param pingIntervalMs        time between two server pings (default 25000)
 * @param pingTimeoutMs         time the client has to answer a ping with a pong (default 20000)
 * @param upgradeTimeoutMs      time a started transport upgrade may take before it is cancelled (default 10000)
 * @param maxHttpBufferSize     the largest POST body or WebSocket message in bytes, also sent as {@code maxPayload} (default 1e6)
 * @param transports            the transports clients may use, names {@code polling} and {@code websocket} (default both)
 * @param allowUpgrades         whether a polling session may upgrade to WebSocket (default true)
 * @param perMessageDeflate     whether WebSocket per-message deflate is negotiated (default false: game traffic is small and hot)
 * @param cors                  the CORS policy, or {@code null} for no CORS headers at all (default, as the reference server)
 * @param allowRequest          decides whether a handshake may proceed, or {@code null} to accept every handshake
 * @param maxWriteBufferBytes   bytes a session may have queued for a client that does not read (WebSocket: Netty's
 *                              outbound buffer; polling: packets awaiting a poll) before it is closed with
 *                              {@code transport error} (default 16 MiB; not a reference option)
 * @param maxConnections        open sessions beyond which a handshake is refused with 403 {@code "Server full"}
 *                              (default unlimited; not a reference option)
 * @param maxHandshakesPerIpPerSecond handshakes one remote address may make per second before the next are refused
 *                              with 403 {@code "Too many handshakes"} (default unlimited; not a reference option;
 *                              behind a proxy every client shares the proxy's address)
 */
public record EngineIoOptions(
        String path,
        long pingIntervalMs,
        long pingTimeoutMs,
        long upgradeTimeoutMs,
        int maxHttpBufferSize,
        List<String> transports,
        boolean allowUpgrades,
        boolean perMessageDeflate,
        CorsOptions cors,
        AllowRequest allowRequest,
        long maxWriteBufferBytes,
        int maxConnections,
        int maxHandshakesPerIpPerSecond) {

    /** The transport name of HTTP long-polling. */
    public static final String POLLING = "polling";
    /** The transport name of WebSocket. */
    public static final String WEBSOCKET = "websocket";

    /** Validates; use {@link #builder()} rather than this constructor. */
    public EngineIoOptions {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty() || path.indexOf('?') >= 0) {
            throw new IllegalArgumentException("path must be a non-empty URL path without a query: " + path);
        }
        path = (path.startsWith("/") ? "" : "/") + path + (path.endsWith("/") ? "" : "/");
        requirePositive("pingIntervalMs", pingIntervalMs);
        requirePositive("pingTimeoutMs", pingTimeoutMs);
        requirePositive("upgradeTimeoutMs", upgradeTimeoutMs);
        requirePositive("maxHttpBufferSize", maxHttpBufferSize);
        requirePositive("maxWriteBufferBytes", maxWriteBufferBytes);
        requirePositive("maxConnections", maxConnections);
        requirePositive("maxHandshakesPerIpPerSecond", maxHandshakesPerIpPerSecond);
        transports = List.copyOf(Objects.requireNonNull(transports, "transports"));
        if (transports.isEmpty()) {
            throw new IllegalArgumentException("transports must name at least one transport");
        }
        for (String t : transports) {
            if (!t.equals(POLLING) && !t.equals(WEBSOCKET)) {
                throw new IllegalArgumentException("transports: unknown transport '" + t
                        + "' (known: polling, websocket)");
            }
        }
    }

    /** A builder holding the reference server's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults of the reference server. */
    public static EngineIoOptions defaults() {
        return builder().build();
    }

    /** Whether clients may use the transport named {@code name}. */
    public boolean isTransportEnabled(String name) {
        return transports.contains(name);
    }

    private static void requirePositive(String option, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(option + " must be positive, was " + value);
        }
    }

    /** Builds {@link EngineIoOptions}; each setter sets the record component of the same name. Not thread-safe. */
    public static final class Builder {
        private String path = "/engine.io/";
        private long pingIntervalMs = 25_000;
        private long pingTimeoutMs = 20_000;
        private long upgradeTimeoutMs = 10_000;
        private int maxHttpBufferSize = 1_000_000;
        private List<String> transports = List.of(POLLING, WEBSOCKET);
        private boolean allowUpgrades = true;
        private boolean perMessageDeflate;
        private CorsOptions cors;
        private AllowRequest allowRequest;
        private long maxWriteBufferBytes = 16 * 1024 * 1024;
        private int maxConnections = Integer.MAX_VALUE;
        private int maxHandshakesPerIpPerSecond = Integer.MAX_VALUE;

        private Builder() {
        }

        public Builder path(String path) {
            this.path = path;
            return this;
        }

        public Builder pingIntervalMs(long pingIntervalMs) {
            this.pingIntervalMs = pingIntervalMs;
            return this;
        }

        public Builder pingTimeoutMs(long pingTimeoutMs) {
            this.pingTimeoutMs = pingTimeoutMs;
            return this;
        }

        public Builder upgradeTimeoutMs(long upgradeTimeoutMs) {
            this.upgradeTimeoutMs = upgradeTimeoutMs;
            return this;
        }

        public Builder maxHttpBufferSize(int maxHttpBufferSize) {
            this.maxHttpBufferSize = maxHttpBufferSize;
            return this;
        }

        public Builder transports(String... transports) {
            this.transports = List.of(transports);
            return this;
        }

        public Builder allowUpgrades(boolean allowUpgrades) {
            this.allowUpgrades = allowUpgrades;
            return this;
        }

        public Builder perMessageDeflate(boolean perMessageDeflate) {
            this.perMessageDeflate = perMessageDeflate;
            return this;
        }

        /** The CORS policy; {@code null} (the default) sends no CORS header. */
        public Builder cors(CorsOptions cors) {
            this.cors = cors;
            return this;
        }

        /** The handshake hook; {@code null} (the default) accepts every handshake. */
        public Builder allowRequest(AllowRequest allowRequest) {
            this.allowRequest = allowRequest;
            return this;
        }

        public Builder maxWriteBufferBytes(long maxWriteBufferBytes) {
            this.maxWriteBufferBytes = maxWriteBufferBytes;
            return this;
        }

        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        public Builder maxHandshakesPerIpPerSecond(int maxHandshakesPerIpPerSecond) {
            this.maxHandshakesPerIpPerSecond = maxHandshakesPerIpPerSecond;
            return this;
        }

        /** @throws IllegalArgumentException naming the first invalid option */
        public EngineIoOptions build() {
            return new EngineIoOptions(path, pingIntervalMs, pingTimeoutMs, upgradeTimeoutMs, maxHttpBufferSize,
                    transports, allowUpgrades, perMessageDeflate, cors, allowRequest, maxWriteBufferBytes, maxConnections,
                    maxHandshakesPerIpPerSecond);
        }
    }
}
