package io.tickwire.net.match;

import io.tickwire.net.testing.NodeProcess;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.tickwire.net.match.GameHarness.await;
import static io.tickwire.net.match.GameHarness.number;
import static io.tickwire.net.match.GameHarness.request;
import static io.tickwire.net.match.GameHarness.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Interest management with the official socket.io-client: in a {@link FieldGame} (a view of 100 around each
 * player's dot), a player's state holds another player's dot only while it is near.
 */
class InterestManagementTest {

    @Test
    void aFarPlayersDotIsAbsentFromMyStateAppearsWhenItComesNearAndIsRemovedWhenItLeaves() throws Exception {
        try (GameHarness h = new GameHarness()) {
            NodeProcess ann = h.player("ann");
            NodeProcess bob = h.player("bob");
            String annJoined = request(ann, "joinOrCreate field");
            String bobJoined = request(bob, "joinOrCreate field");
            assertEquals(text(annJoined, "matchId"), text(bobJoined, "matchId"));
            FieldGame game = h.fields.get(0);
            int annDot = game.dots.get((int) number(annJoined, "playerId"));
            int bobDot = game.dots.get((int) number(bobJoined, "playerId"));

            // bob's dot sits at x = 1000: ann's states hold her own dot only, bob's his own only
            String annFull = await(ann, "state", l -> number(l, "base") == -1 && entities(l, "entities").contains(annDot));
            assertFalse(entities(annFull, "entities").contains(bobDot), annFull);
            String bobFull = await(bob, "state", l -> entities(l, "entities").contains(bobDot));
            assertFalse(entities(bobFull, "entities").contains(annDot), bobFull);
            assertEquals(1, entities(bobFull, "lastInputs").size() / 2, "lastInputs names the recipient only: " + bobFull);
            for (int i = 0; i < 3; i++) {
                ann.send("input " + i + " 0");                  // ann acknowledges ticks: her states become deltas
                String later = await(ann, "state", l -> true);
                assertFalse(entities(later, "entities").contains(bobDot), later);
            }

            bob.send("input 1 60");
            String near = await(ann, "state", l -> entities(l, "entities").contains(bobDot));
            assertTrue(number(near, "base") >= 0, "bob's dot arrives in a delta: " + near);

            bob.send("input 2 900");
            for (int i = 3; i < 10; i++) {
                ann.send("input " + i + " 0");
            }
            String gone = await(ann, "state", l -> entities(l, "removed").contains(bobDot));
            assertTrue(number(gone, "base") >= 0, gone);
        }
    }

    private static List<Integer> entities(String stateJson, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\\[([^]]*)]").matcher(stateJson);
        if (!m.find()) {
            throw new AssertionError("no " + key + " in " + stateJson);
        }
        return m.group(1).isEmpty() ? List.of()
                : Arrays.stream(m.group(1).split(",")).map(s -> (int) Long.parseLong(s)).toList();
    }
}
