package io.tickwire.engine.match;

/** Creates the {@link Outbox} of each new match; called on the thread that calls {@link MatchRegistry#create}. */
@FunctionalInterface
public interface OutboxFactory {
    Outbox create(MatchHandle match);
}
