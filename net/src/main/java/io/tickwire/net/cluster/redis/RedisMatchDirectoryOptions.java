package io.tickwire.net.cluster.redis;

import java.util.Objects;

/**
 * The options of a {@link RedisMatchDirectory}. Immutable; build with {@link #builder(String)}.
 *
 * @param nodeUrl     where clients reach this node (sent to players routed here), e.g. {@code https://eu-2.example.com}
 * @param nodeId      this node's id in the directory (default: 8 random characters)
 * @param keyPrefix   the prefix of the directory's Redis keys (default {@code tickwire:matches})
 * @param heartbeatMs how often this node republishes its matches (default 1000)
 * @param ttlMs       how long a node's matches stay listed without a heartbeat: a dead node's matches
 *                    vanish after at most this (default 3000; more than {@code heartbeatMs})
 */
public record RedisMatchDirectoryOptions(String nodeUrl, String nodeId, String keyPrefix, long heartbeatMs,
                                         long ttlMs) {

    /** @throws IllegalArgumentException naming the option out of range */
    public RedisMatchDirectoryOptions {
        Objects.requireNonNull(nodeUrl, "nodeUrl");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (nodeId.isEmpty() || nodeId.contains(":")) {
            throw new IllegalArgumentException("nodeId must be non-empty and without ':': " + nodeId);
        }
        if (heartbeatMs <= 0) {
            throw new IllegalArgumentException("heartbeatMs must be positive: " + heartbeatMs);
        }
        if (ttlMs <= heartbeatMs) {
            throw new IllegalArgumentException("ttlMs must be more than heartbeatMs (" + heartbeatMs + "): " + ttlMs);
        }
    }

    /** @param nodeUrl where clients reach this node */
    public static Builder builder(String nodeUrl) {
        return new Builder(nodeUrl);
    }

    /** Builds {@link RedisMatchDirectoryOptions}; not thread-safe. */
    public static final class Builder {
        private final String nodeUrl;
        private String nodeId = RedisAdapter.randomId() + RedisAdapter.randomId().substring(0, 2);
        private String keyPrefix = "tickwire:matches";
        private long heartbeatMs = 1_000;
        private long ttlMs = 3_000;

        private Builder(String nodeUrl) {
            this.nodeUrl = nodeUrl;
        }

        public Builder nodeId(String nodeId) {
            this.nodeId = nodeId;
            return this;
        }

        public Builder keyPrefix(String keyPrefix) {
            this.keyPrefix = keyPrefix;
            return this;
        }

        public Builder heartbeatMs(long heartbeatMs) {
            this.heartbeatMs = heartbeatMs;
            return this;
        }

        public Builder ttlMs(long ttlMs) {
            this.ttlMs = ttlMs;
            return this;
        }

        public RedisMatchDirectoryOptions build() {
            return new RedisMatchDirectoryOptions(nodeUrl, nodeId, keyPrefix, heartbeatMs, ttlMs);
        }
    }
}
