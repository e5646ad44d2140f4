package io.tickwire.engine.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tickwire.engine.ecs.ComponentType;
import io.tickwire.engine.ecs.World;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ReplicatedState#copyVisible}: a player's view holds exactly the records of its visible entities, in
 * the state's key order, whether the copy scans every record (a large view) or searches the visible slots
 * (a small one); stale handles of reused slots are never visible.
 */
class ViewCopyTest {
    static final ComponentType POSITION = ComponentType.builder("position").floatField("x").floatField("y").replicated().build();
    static final ComponentType SCORE = ComponentType.builder("score").intField("points").replicated().build();

    @Test
    void aViewHoldsExactlyItsVisibleEntitiesRecordsInKeyOrderForSmallAndLargeViews() {
        World world = new World();
        SplittableRandom random = new SplittableRandom(3);
        int[] entities = new int[1_000];
        for (int i = 0; i < entities.length; i++) {
            entities[i] = world.create();
            world.add(entities[i], POSITION);
            world.setFloat(entities[i], POSITION.floatField("x"), i);
            if (i % 3 == 0) {
                world.add(entities[i], SCORE);
            }
        }
        int[] stale = new int[50];
        for (int i = 0; i < stale.length; i++) {           // slots reused under new generations
            int victim = random.nextInt(entities.length);
            stale[i] = entities[victim];
            if (world.isAlive(stale[i])) {
                world.destroy(stale[i]);
            }
            entities[victim] = world.create();
            world.add(entities[victim], SCORE);
        }
        ReplicatedState state = new ReplicatedState();
        state.capture(world, 7);

        for (int size : new int[] {0, 1, 10, 60, 400, 1_000}) {
            VisibleEntities visible = new VisibleEntities();
            for (int i = 0; i < size; i++) {
                visible.add(entities[random.nextInt(entities.length)]);
            }
            for (int i = 0; i < 5; i++) {
                visible.add(stale[random.nextInt(stale.length)]);
            }
            ReplicatedState expected = new ReplicatedState();
            expected.clear(state.tick());
            for (int r = 0; r < state.recordCount(); r++) {
                if (visible.contains(state.entity(r))) {
                    expected.copyRecord(state, r);
                }
            }
            ReplicatedState view = new ReplicatedState();
            view.copyVisible(state, visible);

            assertEquals(expected, view, "view of " + size + " entities");
            assertEquals(7, view.tick());
            for (int r = 1; r < view.recordCount(); r++) {
                assertTrue(view.key(r - 1) < view.key(r), "records in key order, view of " + size);
            }
            assertTrue(size < 10 || view.recordCount() > 0, "the view is not trivially empty");
        }
    }
}
