package io.tickwire.net.match;

import io.tickwire.engine.match.Match;
import io.tickwire.engine.match.MatchOptions;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One kind of match a {@link GameServer} can host ("duel", "ffa"): how to make its game code, its limits
 * and what its inputs look like. Clients name it in matchmaking requests.
 *
 * @param name    the mode's name, also the match label {@code mode}
 * @param options the engine limits of each match (max players, per-tick input cap, snapshot history)
 * @param games   makes the game code of a new match; called on the thread handling the request
 * @param inputs  what valid input payloads look like
 */
public record GameMode(String name, MatchOptions options, Supplier<? extends Match> games, InputRules inputs) {
    public GameMode {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("name must be a non-empty string");
        }
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(games, "games");
        Objects.requireNonNull(inputs, "inputs");
    }

    /** A mode with the engine's default options and any input of up to 256 bytes. */
    public static GameMode of(String name, Supplier<? extends Match> games) {
        return new GameMode(name, MatchOptions.defaults(), games, InputRules.defaults());
    }
}
