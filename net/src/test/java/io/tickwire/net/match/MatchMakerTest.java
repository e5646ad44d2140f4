package io.tickwire.net.match;

import io.tickwire.engine.match.MatchOptions;
import io.tickwire.engine.match.MatchRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Seat counting, label filters and locking, without a network (the loops are never started). */
class MatchMakerTest {
    private final MatchRegistry registry = MatchRegistry.builder().outboxes(handle -> null).build();
    private final GameMode duel = new GameMode("duel", MatchOptions.builder().maxPlayers(2).build(),
            () -> new CounterGame(0, 100), InputRules.defaults());
    private final MatchMaker maker = new MatchMaker(registry, Map.of("duel", duel), mode -> new HostedMatch(mode.games().get(), null));

    @AfterEach
    void close() {
        registry.close();
    }

    @Test
    void joinOrCreateFillsAMatchBeforeCreatingTheNext() {
        String first = maker.joinOrCreate("duel", Map.of()).match().id();
        assertEquals(first, maker.joinOrCreate("duel", Map.of()).match().id());
        String third = maker.joinOrCreate("duel", Map.of()).match().id();
        assertNotEquals(first, third, "two seats were handed out: the match counts as full");
    }

    @Test
    void aReleasedSeatCanBeTakenAgain() {
        String id = maker.create("duel", Map.of()).match().id();
        maker.join(id);
        assertEquals("full", maker.join(id).error());
        maker.release(id);
        assertNull(maker.join(id).error());
    }

    @Test
    void filtersOnlyMatchMatchesWithThoseLabels() {
        String eu = maker.joinOrCreate("duel", Map.of("region", "eu")).match().id();
        String us = maker.joinOrCreate("duel", Map.of("region", "us")).match().id();
        assertNotEquals(eu, us);
        assertEquals(eu, maker.joinOrCreate("duel", Map.of("region", "eu")).match().id());
        assertEquals(1, maker.list("duel", Map.of("region", "us")).size());
        assertEquals("unknown mode", maker.joinOrCreate("chess", Map.of()).error());
    }

    @Test
    void aLockedMatchTakesNobodyNew() {
        String id = maker.create("duel", Map.of()).match().id();
        maker.lock(id, true);
        assertEquals("locked", maker.join(id).error());
        assertNotEquals(id, maker.joinOrCreate("duel", Map.of()).match().id());
        maker.lock(id, false);
        assertNull(maker.join(id).error());
    }
}
