package io.tickwire.net.cluster.redis;

import io.lettuce.core.KeyValue;
import io.lettuce.core.SetArgs;
import io.tickwire.net.match.MatchDirectory;
import io.tickwire.net.match.MatchListing;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.MapValue;
import io.tickwire.net.socketio.parser.Value;
import io.tickwire.net.socketio.parser.ValueCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The match directory of a cluster, kept in Redis:
 *
 * <pre>
 *  every heartbeatMs, each node:  SET  &lt;prefix&gt;:node:&lt;nodeId&gt; {url, matches:[…]} PX ttlMs
 *                                 ZADD &lt;prefix&gt;:nodes &lt;now&gt; &lt;nodeId&gt;
 *  list():                        ZRANGE &lt;prefix&gt;:nodes, MGET their keys (expired ones are dropped)
 * </pre>
 *
 * A node that dies stops refreshing its key, so its matches leave the directory within {@code ttlMs}; one
 * that closes removes them at once. While Redis is away, {@link #list()} fails and heartbeats are skipped.
 * Thread-safe; one timer thread per directory.
 */
public final class RedisMatchDirectory implements MatchDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(RedisMatchDirectory.class);

    private final RedisLink link;
    private final RedisMatchDirectoryOptions options;
    private final String nodesKey;
    private final String nodeKey;
    private final ScheduledExecutorService timer;
    private volatile Supplier<List<MatchListing>> localMatches = List::of;

    private RedisMatchDirectory(RedisLink link, RedisMatchDirectoryOptions options) {
        this.link = link;
        this.options = options;
        this.nodesKey = options.keyPrefix() + ":nodes";
        this.nodeKey = nodeKey(options.nodeId());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tickwire-match-directory");
            t.setDaemon(true);
            return t;
        });
    }

    /** A directory on {@code link} (which the caller closes after it); pass it to {@code GameServer.Builder#directory}. */
    public static RedisMatchDirectory create(RedisLink link, RedisMatchDirectoryOptions options) {
        return new RedisMatchDirectory(link, options);
    }

    @Override
    public void start(Supplier<List<MatchListing>> localMatches) {
        this.localMatches = localMatches;
        timer.scheduleAtFixedRate(this::heartbeat, 0, options.heartbeatMs(), TimeUnit.MILLISECONDS);
    }

    @Override
    public String nodeId() {
        return options.nodeId();
    }

    @Override
    public boolean clustered() {
        return true;
    }

    @Override
    public void refresh() {
        try {
            timer.execute(this::heartbeat);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closing: nothing more to publish
        }
    }

    /** Publishes this node's matches now, on the directory's thread. */
    CompletableFuture<Void> heartbeat() {
        try {
            ListValue.Builder matches = ListValue.builder();
            for (MatchListing m : localMatches.get()) {
                matches.add(Value.map("matchId", m.matchId(), "mode", m.mode(), "players", m.players(),
                        "maxPlayers", m.maxPlayers(), "locked", m.locked(), "labels", m.labels()));
            }
            String entry = ValueCodec.toJsonString(Value.map("url", options.nodeUrl(), "matches", matches.build()));
            return link.commands().set(nodeKey, entry, SetArgs.Builder.px(options.ttlMs())).toCompletableFuture()
                    .thenCompose(ok -> link.commands().zadd(nodesKey, System.currentTimeMillis(), options.nodeId())
                            .toCompletableFuture())
                    .<Void>thenApply(added -> null)
                    .whenComplete((ignored, error) -> {
                        if (error != null) {
                            LOG.debug("match directory heartbeat skipped (Redis unreachable?): {}", error.toString());
                        }
                    });
        } catch (RuntimeException e) {
            LOG.debug("match directory heartbeat failed", e);
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<List<MatchListing>> list() {
        return link.commands().zrange(nodesKey, 0, -1).toCompletableFuture().thenCompose(nodeIds -> {
            if (nodeIds.isEmpty()) {
                return CompletableFuture.completedFuture(List.of());
            }
            String[] keys = nodeIds.stream().map(this::nodeKey).toArray(String[]::new);
            return link.commands().mget(keys).toCompletableFuture().thenApply(entries -> parse(nodeIds, entries));
        });
    }

    private List<MatchListing> parse(List<String> nodeIds, List<KeyValue<String, String>> entries) {
        List<MatchListing> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String nodeId = nodeIds.get(i);
            KeyValue<String, String> entry = entries.get(i);
            if (!entry.hasValue()) {
                // expired: the node stopped beating; forget it in the index too
                link.commands().zrem(nodesKey, nodeId);
                continue;
            }
            Value node = ValueCodec.fromJson(entry.getValue().getBytes(StandardCharsets.UTF_8));
            String url = node.get("url").isString() ? node.get("url").asString() : null;
            if (!node.get("matches").isList()) {
                continue;
            }
            for (Value m : node.get("matches").asList()) {
                Map<String, String> labels = new LinkedHashMap<>();
                if (m.get("labels").isMap()) {
                    ((MapValue) m.get("labels")).asMap().forEach((k, v) -> labels.put(k, v.isString() ? v.asString() : v.toString()));
                }
                out.add(new MatchListing(m.get("matchId").asString(), m.get("mode").asString(), m.get("players").asInt(),
                        m.get("maxPlayers").asInt(), m.get("locked").asBoolean(), labels, nodeId, url));
            }
        }
        return out;
    }

    /** Stops the heartbeat and removes this node's matches from the directory. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            link.commands().del(nodeKey);
            link.commands().zrem(nodesKey, options.nodeId());
        } catch (RuntimeException e) {
            LOG.debug("could not remove this node from the match directory", e);
        }
    }

    private String nodeKey(String nodeId) {
        return options.keyPrefix() + ":node:" + nodeId;
    }
}
