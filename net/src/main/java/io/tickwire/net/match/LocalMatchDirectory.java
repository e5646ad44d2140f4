package io.tickwire.net.match;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** {@link MatchDirectory#local()}: the directory of a single node, read straight from its match maker. */
final class LocalMatchDirectory implements MatchDirectory {
    private volatile Supplier<List<MatchListing>> localMatches = List::of;

    @Override
    public void start(Supplier<List<MatchListing>> localMatches) {
        this.localMatches = localMatches;
    }

    @Override
    public String nodeId() {
        return "local";
    }

    @Override
    public boolean clustered() {
        return false;
    }

    @Override
    public CompletableFuture<List<MatchListing>> list() {
        return CompletableFuture.completedFuture(localMatches.get());
    }

    @Override
    public void close() {
    }
}
