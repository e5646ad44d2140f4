package io.tickwire.net.match;

import io.tickwire.engine.match.MatchHandle;
import io.tickwire.engine.match.MatchOptions;
import io.tickwire.engine.match.MatchRegistry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Seats players in matches: finds or creates a match of a mode whose labels fit, and counts every seat it
 * hands out (reserved or taken) against the match's {@code maxPlayers}, so concurrent requests never
 * overfill a match before its loop has seen the joins. Locked matches take nobody new.
 *
 * <p>Threading: any thread; every method is synchronized (matchmaking is rare next to inputs).
 */
final class MatchMaker {
    /** A seat handed out, or why none was: {@code match} is null exactly when {@code error} is not. */
    record Outcome(MatchHandle match, GameMode mode, String error) {
        static Outcome refused(String error) {
            return new Outcome(null, null, error);
        }
    }

    /** What {@code list} tells a client about one match. */
    record Listing(String matchId, String mode, int seats, int maxPlayers, boolean locked, Map<String, String> labels) {
    }

    /** The error of every request after {@link #close()}. */
    static final String CLOSED = "server closed";
    /** The error of every request after {@link #drain()}, until {@link #close()}. */
    static final String SHUTTING_DOWN = "server shutting down";

    private static final class Entry {
        final MatchHandle handle;
        final GameMode mode;
        int seats;
        boolean locked;

        Entry(MatchHandle handle, GameMode mode) {
            this.handle = handle;
            this.mode = mode;
        }

        boolean hasRoom() {
            return !locked && !handle.isDisposed() && seats < handle.options().maxPlayers();
        }
    }

    private final MatchRegistry registry;
    private final HostedMatchFactory factory;
    private final Map<String, GameMode> modes;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private boolean closed;
    private boolean draining;

    /** Makes the engine-side match of a new game match (wraps the game for the server). */
    @FunctionalInterface
    interface HostedMatchFactory {
        HostedMatch create(GameMode mode);
    }

    MatchMaker(MatchRegistry registry, Map<String, GameMode> modes, HostedMatchFactory factory) {
        this.registry = registry;
        this.modes = Map.copyOf(modes);
        this.factory = factory;
    }

    synchronized Outcome joinOrCreate(String mode, Map<String, String> filters) {
        String stopped = stoppedError();
        if (stopped != null) {
            return Outcome.refused(stopped);
        }
        GameMode gameMode = modes.get(mode);
        if (gameMode == null) {
            return Outcome.refused("unknown mode");
        }
        for (Entry e : entries.values()) {
            if (e.mode == gameMode && e.hasRoom() && e.handle.labels().entrySet().containsAll(filters.entrySet())) {
                e.seats++;
                return new Outcome(e.handle, gameMode, null);
            }
        }
        return create(mode, filters);
    }

    synchronized Outcome create(String mode, Map<String, String> labels) {
        String stopped = stoppedError();
        if (stopped != null) {
            return Outcome.refused(stopped);
        }
        GameMode gameMode = modes.get(mode);
        if (gameMode == null) {
            return Outcome.refused("unknown mode");
        }
        Map<String, String> allLabels = new HashMap<>(gameMode.options().labels());
        allLabels.putAll(labels);
        allLabels.put("mode", mode);
        MatchOptions o = gameMode.options();
        MatchOptions options = new MatchOptions(o.maxPlayers(), o.maxInputsPerPlayerPerTick(), o.emptyDisposeAfterMs(),
                o.snapshotHistoryTicks(), o.packBufferBytes(), allLabels, o.world());
        MatchHandle handle;
        try {
            handle = registry.create(mode + "-" + nextId.getAndIncrement(), options, factory.create(gameMode));
        } catch (IllegalStateException e) {
            return Outcome.refused("server busy");
        }
        Entry entry = new Entry(handle, gameMode);
        entry.seats = 1;
        entries.put(handle.id(), entry);
        return new Outcome(handle, gameMode, null);
    }

    synchronized Outcome join(String matchId) {
        String stopped = stoppedError();
        if (stopped != null) {
            return Outcome.refused(stopped);
        }
        Entry e = entries.get(matchId);
        if (e == null || e.handle.isDisposed()) {
            return Outcome.refused("no such match");
        }
        if (e.locked) {
            return Outcome.refused("locked");
        }
        if (!e.hasRoom()) {
            return Outcome.refused("full");
        }
        e.seats++;
        return new Outcome(e.handle, e.mode, null);
    }

    /** Matches of {@code mode} (any mode when null) whose labels contain {@code filters}. */
    synchronized List<Listing> list(String mode, Map<String, String> filters) {
        List<Listing> found = new ArrayList<>();
        for (Entry e : entries.values()) {
            if ((mode == null || e.mode.name().equals(mode)) && !e.handle.isDisposed()
                    && e.handle.labels().entrySet().containsAll(filters.entrySet())) {
                found.add(new Listing(e.handle.id(), e.mode.name(), e.seats, e.handle.options().maxPlayers(), e.locked,
                        e.handle.labels()));
            }
        }
        return found;
    }

    /** Frees one seat of {@code matchId} (a reservation expired or was refused, or a player left). */
    synchronized void release(String matchId) {
        Entry e = entries.get(matchId);
        if (e != null && e.seats > 0) {
            e.seats--;
        }
    }

    /** Locks or unlocks {@code matchId}; false if there is no such match. */
    synchronized boolean lock(String matchId, boolean locked) {
        Entry e = entries.get(matchId);
        if (e == null) {
            return false;
        }
        e.locked = locked;
        return true;
    }

    /** The error every request gets once {@link #drain()} or {@link #close()} was called; null before. */
    private String stoppedError() {
        return closed ? CLOSED : draining ? SHUTTING_DOWN : null;
    }

    /**
     * Locks every match and refuses every later request with {@value #SHUTTING_DOWN} (no new match either), and
     * returns the matches live now, for the caller to tell. A graceful shutdown's first step; {@link #close()}
     * still follows.
     */
    synchronized List<MatchHandle> drain() {
        draining = true;
        List<MatchHandle> live = new ArrayList<>();
        for (Entry e : entries.values()) {
            e.locked = true;
            live.add(e.handle);
        }
        return live;
    }

    /**
     * Refuses every later request with {@value #CLOSED} and returns the matches live now (empty if it was
     * closed already), for the caller to end.
     */
    synchronized List<MatchHandle> close() {
        if (closed) {
            return List.of();
        }
        closed = true;
        List<MatchHandle> live = new ArrayList<>();
        for (Entry e : entries.values()) {
            live.add(e.handle);
        }
        return live;
    }

    synchronized void forget(String matchId) {
        entries.remove(matchId);
    }
}
