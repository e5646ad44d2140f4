package io.tickwire.net.cluster.redis;

import java.util.Objects;

/**
 * The options of a {@link RedisAdapter}, with the names and defaults of {@code @socket.io/redis-adapter}
 * 8.x (see {@code docs/redis-adapter.md}, "Options"). Immutable; build with {@link #builder()}.
 *
 * @param key                              the prefix of the Pub/Sub channels (default {@code socket.io})
 * @param requestsTimeoutMs                how long to wait for the other nodes' responses (default 5000)
 * @param publishOnSpecificResponseChannel answer a request on the requesting node's own response channel
 *                                         rather than the shared one (default false)
 */
public record RedisAdapterOptions(String key, long requestsTimeoutMs, boolean publishOnSpecificResponseChannel) {

    /** @throws IllegalArgumentException naming the option out of range */
    public RedisAdapterOptions {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
        if (requestsTimeoutMs <= 0) {
            throw new IllegalArgumentException("requestsTimeoutMs must be positive: " + requestsTimeoutMs);
        }
    }

    public static RedisAdapterOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link RedisAdapterOptions}; not thread-safe. */
    public static final class Builder {
        private String key = "socket.io";
        private long requestsTimeoutMs = 5_000;
        private boolean publishOnSpecificResponseChannel;

        private Builder() {
        }

        public Builder key(String key) {
            this.key = key;
            return this;
        }

        public Builder requestsTimeoutMs(long requestsTimeoutMs) {
            this.requestsTimeoutMs = requestsTimeoutMs;
            return this;
        }

        public Builder publishOnSpecificResponseChannel(boolean publishOnSpecificResponseChannel) {
            this.publishOnSpecificResponseChannel = publishOnSpecificResponseChannel;
            return this;
        }

        public RedisAdapterOptions build() {
            return new RedisAdapterOptions(key, requestsTimeoutMs, publishOnSpecificResponseChannel);
        }
    }
}
