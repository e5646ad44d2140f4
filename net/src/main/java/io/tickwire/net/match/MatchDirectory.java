package io.tickwire.net.match;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Which node hosts which match, so that {@code list} and {@code joinOrCreate} see the matches of every
 * {@link GameServer} of a cluster and a player is sent to the node hosting the match it gets. The default,
 * {@link #local()}, knows this node only; {@code io.tickwire.net.cluster.redis.RedisMatchDirectory} keeps
 * the directory in Redis with expiry and heartbeats.
 *
 * <p>Threading: every method may be called from any thread and must not block; futures complete on an
 * arbitrary thread.
 */
public interface MatchDirectory extends AutoCloseable {

    /** The directory of a single node: lists this node's matches, nothing else. */
    static MatchDirectory local() {
        return new LocalMatchDirectory();
    }

    /**
     * Starts publishing this node's matches, read from {@code localMatches} (called on the directory's own
     * thread, whenever it refreshes). Called once, by the {@link GameServer} that uses the directory.
     */
    void start(Supplier<List<MatchListing>> localMatches);

    /** This node's id: {@link MatchListing#nodeId()} of the matches it hosts. */
    String nodeId();

    /** Whether other nodes may host matches (false for {@link #local()}: matchmaking stays synchronous). */
    boolean clustered();

    /**
     * Publishes this node's matches soon rather than at the next refresh, after a match was created or
     * joined here. Never blocks; the default (a directory read straight from this node) has nothing to do.
     */
    default void refresh() {
    }

    /** The matches of every live node, this one included; fails when the directory cannot be read. */
    CompletableFuture<List<MatchListing>> list();

    /** Stops publishing; this node's matches leave the directory (at once, or when they expire). */
    @Override
    void close();
}
