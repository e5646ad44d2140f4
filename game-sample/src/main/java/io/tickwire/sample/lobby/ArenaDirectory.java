package io.tickwire.sample.lobby;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live arenas' statuses. Matches publish from their loop threads; the lobby reads from event loops.
 * Thread-safe; a reader sees each arena's latest published status.
 */
public final class ArenaDirectory {
    private final ConcurrentHashMap<String, ArenaStatus> arenas = new ConcurrentHashMap<>();

    /** Records {@code status} as its match's latest. Any thread. */
    public void publish(ArenaStatus status) {
        arenas.put(status.matchId(), status);
    }

    /** The match is gone. Any thread. */
    public void remove(String matchId) {
        arenas.remove(matchId);
    }

    /** Every arena's latest status, oldest match id first. Any thread; a new list each call. */
    public List<ArenaStatus> list() {
        List<ArenaStatus> all = new ArrayList<>(arenas.values());
        all.sort(Comparator.comparing(ArenaStatus::matchId));
        return all;
    }
}
