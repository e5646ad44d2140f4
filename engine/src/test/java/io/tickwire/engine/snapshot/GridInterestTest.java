package io.tickwire.engine.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tickwire.engine.ecs.ComponentType;
import io.tickwire.engine.ecs.Entity;
import io.tickwire.engine.ecs.FloatField;
import io.tickwire.engine.ecs.IntField;
import io.tickwire.engine.ecs.World;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessagePack;

/**
 * Per-player views through {@link GridInterest} and {@link PlayerViews}: what a player's decoded snapshots
 * hold as entities come into and leave its view.
 */
class GridInterestTest {
    static final ComponentType POSITION = ComponentType.builder("position").floatField("x").floatField("y").replicated().build();
    static final ComponentType SCORE = ComponentType.builder("score").intField("points").replicated().build();
    static final FloatField X = POSITION.floatField("x");
    static final FloatField Y = POSITION.floatField("y");
    static final IntField POINTS = SCORE.intField("points");

    private final World world = new World();
    private final SnapshotHistory history = new SnapshotHistory(world, 8);
    private final PlayerViews views = new PlayerViews(world, 8);
    private final VisibleEntities visible = new VisibleEntities();
    private final PackBuffer buffer = new PackBuffer(64);
    private final SnapshotDecoder decoder = new SnapshotDecoder();
    private final int[] entityOfPlayer = new int[4];
    private final GridInterest interest = new GridInterest(world, X, Y, 100f, player -> entityOfPlayer[player]);
    private ReplicatedState seen = new ReplicatedState();
    private long tick;

    private int spawn(float x, float y) {
        int e = world.create();
        world.add(e, POSITION);
        world.setFloat(e, X, x);
        world.setFloat(e, Y, y);
        return e;
    }

    /** One snapshot tick for player 0, decoded on top of what it had (a delta against its last tick). */
    private ReplicatedState snapshotForPlayer0() {
        ReplicatedState state = history.capture(tick++);
        interest.prepare(state);
        visible.clear();
        interest.select(0, visible);
        views.capture(0, state, visible);
        long base = seen.tick();
        boolean delta = views.writeLatest(0, base, buffer.begin().packer());
        assertEquals(base >= 0, delta, "a delta against the tick the player holds whenever it holds one");
        ReplicatedState next = new ReplicatedState();
        decoder.decode(seen, MessagePack.newDefaultUnpacker(buffer.finish().toByteArray()), next);
        seen = next;
        return next;
    }

    private static boolean holds(ReplicatedState state, int entity) {
        for (int r = 0; r < state.recordCount(); r++) {
            if (state.entity(r) == entity) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aFarEntityIsAbsentFromAPlayersSnapshotUntilItComesNearAndLeavesAgainWhenItMovesAway() {
        entityOfPlayer[0] = spawn(0, 0);
        int far = spawn(1000, 1000);

        ReplicatedState first = snapshotForPlayer0();
        assertTrue(holds(first, entityOfPlayer[0]), "a player sees its own entity");
        assertFalse(holds(first, far), "an entity 1000 away is not in a view of 100: " + first);

        world.setFloat(far, X, 60);
        world.setFloat(far, Y, -90);
        ReplicatedState near = snapshotForPlayer0();
        assertTrue(holds(near, far), "it arrives, whole, once within 100 on both axes: " + near);
        assertEquals(60f, Float.intBitsToFloat((int) near.value(recordOf(near, far), 0)));

        world.setFloat(far, X, 101);
        ReplicatedState away = snapshotForPlayer0();
        assertFalse(holds(away, far), "the delta removes it once it is 101 away: " + away);
    }

    @Test
    void aPlayerMovingTowardsAnEntitySeesItAndEntitiesWithoutPositionAreSeenByEveryone() {
        entityOfPlayer[0] = spawn(0, 0);
        int tree = spawn(-450, 20);
        int scoreboard = world.create();
        world.add(scoreboard, SCORE);
        world.setInt(scoreboard, POINTS, 7);

        ReplicatedState start = snapshotForPlayer0();
        assertTrue(holds(start, scoreboard), "no position: visible to every player");
        assertFalse(holds(start, tree));

        world.setFloat(entityOfPlayer[0], X, -400);
        assertTrue(holds(snapshotForPlayer0(), tree), "the player walked up to the tree");
    }

    @Test
    void aPlayerWithoutAnEntitySeesOnlyWhatHasNoPosition() {
        entityOfPlayer[0] = Entity.NONE;
        int dot = spawn(0, 0);
        int clock = world.create();
        world.add(clock, SCORE);
        ReplicatedState state = snapshotForPlayer0();
        assertFalse(holds(state, dot));
        assertTrue(holds(state, clock));
    }

    @Test
    void aDestroyedEntityInViewIsRemovedAndAStaleHandleIsNotVisible() {
        entityOfPlayer[0] = spawn(0, 0);
        int dot = spawn(10, 10);
        assertTrue(holds(snapshotForPlayer0(), dot));
        world.destroy(dot);
        int reborn = spawn(500, 500);                       // may reuse the slot with a new generation
        ReplicatedState state = snapshotForPlayer0();
        assertFalse(holds(state, dot));
        assertFalse(holds(state, reborn));
        visible.clear();
        visible.add(reborn);
        assertFalse(visible.contains(dot), "membership checks the generation, not only the slot");
    }

    @Test
    void aPlayersFirstSnapshotAfterItsViewsWereForgottenIsFull() {
        entityOfPlayer[0] = spawn(0, 0);
        snapshotForPlayer0();
        views.forget(0);
        ReplicatedState state = history.capture(tick++);
        interest.prepare(state);
        visible.clear();
        interest.select(0, visible);
        views.capture(0, state, visible);
        assertFalse(views.writeLatest(0, seen.tick(), buffer.begin().packer()), "nothing to diff against: full");
        assertThrows(IllegalStateException.class, () -> views.writeLatest(1, -1, buffer.begin().packer()));
    }

    @Test
    void rejectsANonPositiveViewDistanceAndFieldsOfDifferentComponents() {
        FloatField other = ComponentType.builder("other").floatField("y").build().floatField("y");
        assertThrows(IllegalArgumentException.class, () -> new GridInterest(world, X, Y, 0f, p -> Entity.NONE));
        assertThrows(IllegalArgumentException.class, () -> new GridInterest(world, X, other, 10f, p -> Entity.NONE));
    }

    private static int recordOf(ReplicatedState state, int entity) {
        for (int r = 0; r < state.recordCount(); r++) {
            if (state.entity(r) == entity) {
                return r;
            }
        }
        throw new AssertionError("entity " + entity + " not in " + state);
    }
}
