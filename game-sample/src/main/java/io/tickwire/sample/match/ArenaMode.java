package io.tickwire.sample.match;

import io.tickwire.engine.match.MatchOptions;
import io.tickwire.net.match.GameMode;
import io.tickwire.sample.lobby.ArenaDirectory;

import java.util.function.LongSupplier;

/** The {@code arena} mode: what a GameServer needs to host arena matches. */
public final class ArenaMode {
    /** The mode's name, as clients ask for it ({@code joinOrCreate {mode: "arena"}}). */
    public static final String NAME = "arena";

    private ArenaMode() {
    }

    /**
     * The mode: {@code settings.maxHumans()} players per match, inputs per {@link ArenaInput#rules()}, each
     * match publishing its status to {@code directory} and stamping snapshots with {@code epochMicros}
     * (called on loop threads).
     */
    public static GameMode of(ArenaSettings settings, ArenaDirectory directory, LongSupplier epochMicros) {
        // 8 rather than the engine's 4 inputs per player and tick: a client that stalled and then sends what it
        // queued keeps its actions (an input over the cap is dropped, an action with it, and never answered);
        // moving faster is not possible anyway, steps are earned in real time
        MatchOptions options = MatchOptions.builder().maxPlayers(settings.maxHumans()).maxInputsPerPlayerPerTick(8).build();
        return new GameMode(NAME, options, () -> new ArenaMatch(settings, directory, epochMicros), ArenaInput.rules());
    }
}
