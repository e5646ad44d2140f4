package io.tickwire.engine.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorldTest {
    static final ComponentType POSITION = ComponentType.builder("position").floatField("x").floatField("y").build();
    static final ComponentType VELOCITY = ComponentType.builder("velocity").floatField("x").floatField("y").build();
    static final ComponentType HEALTH = ComponentType.builder("health").intField("hp").longField("lastHitTick").build();
    static final FloatField X = POSITION.floatField("x");
    static final FloatField Y = POSITION.floatField("y");
    static final FloatField VX = VELOCITY.floatField("x");
    static final IntField HP = HEALTH.intField("hp");
    static final LongField LAST_HIT = HEALTH.longField("lastHitTick");

    private final World world = new World(WorldOptions.builder().entityCapacity(2).build());

    @Test
    void detectsStaleHandleAfterDestroyEvenWhenTheSlotIsReused() {
        int first = world.create();
        world.destroy(first);
        int second = world.create();

        assertEquals(Entity.index(first), Entity.index(second), "slot is recycled");
        assertNotEquals(first, second, "with a new generation");
        assertFalse(world.isAlive(first));
        assertTrue(world.isAlive(second));
        assertThrows(IllegalStateException.class, () -> world.add(first, POSITION));
        assertThrows(IllegalStateException.class, () -> world.getFloat(first, X));
        assertFalse(world.isAlive(Entity.NONE));
    }

    @Test
    void keepsFieldValuesWhenComponentsAreAddedAndRemoved() {
        int a = world.create();
        int b = world.create();
        world.add(a, POSITION);
        world.add(b, POSITION);
        world.setFloat(a, X, 1.5f);
        world.setFloat(b, X, 2.5f);
        world.add(a, HEALTH);
        world.setInt(a, HP, 90);
        world.setLong(a, LAST_HIT, 1L << 40);
        world.add(a, VELOCITY);
        world.remove(a, HEALTH);
        world.add(a, HEALTH);

        assertEquals(1.5f, world.getFloat(a, X));
        assertEquals(2.5f, world.getFloat(b, X), "an entity moved by swap-remove keeps its values");
        assertEquals(0, world.getInt(a, HP), "a re-added component starts zeroed");
        assertTrue(world.has(a, VELOCITY));
        assertFalse(world.has(b, VELOCITY));
        assertThrows(IllegalArgumentException.class, () -> world.getFloat(b, VX));
    }

    @Test
    void growsPastItsInitialCapacity() {
        int[] entities = new int[5000];
        for (int i = 0; i < entities.length; i++) {
            entities[i] = world.create();
            world.add(entities[i], POSITION);
            world.setFloat(entities[i], Y, i);
        }
        for (int i = 0; i < entities.length; i += 2) {
            world.destroy(entities[i]);
        }
        assertEquals(2500, world.entityCount());
        for (int i = 1; i < entities.length; i += 2) {
            assertEquals(i, world.getFloat(entities[i], Y));
        }
    }

    @Test
    void queryMatchesArchetypesWithAllItsComponentsIncludingOnesCreatedLater() {
        Query moving = world.query(POSITION, VELOCITY);
        int still = world.create();
        world.add(still, POSITION);
        int mover = world.create();
        world.add(mover, POSITION);
        world.add(mover, VELOCITY);
        int hurtMover = world.create();
        world.add(hurtMover, HEALTH);
        world.add(hurtMover, VELOCITY);
        world.add(hurtMover, POSITION);

        List<Integer> seen = new ArrayList<>();
        for (int a = 0; a < moving.archetypeCount(); a++) {
            Archetype table = moving.archetype(a);
            for (int row = 0; row < table.size(); row++) {
                seen.add(table.entities()[row]);
            }
        }
        assertEquals(List.of(mover, hurtMover), seen);
        assertEquals(2, moving.entityCount());
    }

    @Test
    void runsSystemsInDeclaredOrderWithTheTickAndFixedDelta() {
        List<String> calls = new ArrayList<>();
        world.addSystem((w, tick, dt) -> calls.add("input@" + tick + "/" + dt));
        world.addSystem((w, tick, dt) -> calls.add("physics@" + tick + "/" + dt));

        world.update(7, 0.25f);

        assertEquals(List.of("input@7/0.25", "physics@7/0.25"), calls);
    }

    @Test
    void defersStructuralChangesMadeDuringASystemUntilItReturns() {
        Query positioned = world.query(POSITION);
        for (int i = 0; i < 4; i++) {
            int e = world.create();
            world.add(e, POSITION);
            world.setFloat(e, X, i);
        }
        int[] seenDuringIteration = new int[1];
        world.addSystem((w, tick, dt) -> {
            Archetype table = positioned.archetype(0);
            float[] x = table.floats(X);
            for (int row = 0; row < table.size(); row++) {
                if (x[row] < 2) {
                    w.commands().destroy(table.entities()[row]);
                }
                seenDuringIteration[0]++;
            }
            assertEquals(4, w.entityCount(), "nothing destroyed while the system runs");
        });
        world.addSystem((w, tick, dt) -> assertEquals(2, w.entityCount(), "applied before the next system"));

        world.update(0, 1f);

        assertEquals(4, seenDuringIteration[0], "every row visited once although half were destroyed");
        assertEquals(2, positioned.entityCount());
    }

    @Test
    void refusesDirectStructuralChangesWhileSystemsRun() {
        int e = world.create();
        world.addSystem((w, tick, dt) -> w.add(e, POSITION));

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> world.update(0, 1f));
        assertTrue(error.getMessage().contains("commands()"));
        assertFalse(world.has(e, POSITION));
    }

    @Test
    void appliesDeferredAddsAndWritesInOrderAndSkipsCommandsOnDeadEntities() {
        int e = world.create();
        int doomed = world.create();
        world.addSystem((w, tick, dt) -> {
            w.commands().add(e, HEALTH);
            w.commands().setInt(e, HP, 100);
            w.commands().destroy(doomed);
            w.commands().add(doomed, HEALTH);
        });

        world.update(0, 1f);

        assertEquals(100, world.getInt(e, HP));
        assertFalse(world.isAlive(doomed));
        assertEquals(0, world.commands().size());
    }

    @Test
    void discardsTheCommandsOfASystemThatThrows() {
        int e = world.create();
        world.addSystem((w, tick, dt) -> {
            w.commands().destroy(e);
            throw new IllegalArgumentException("game bug");
        });

        assertThrows(IllegalArgumentException.class, () -> world.update(0, 1f));
        assertTrue(world.isAlive(e));
        assertEquals(0, world.commands().size());
    }

    @Test
    void componentDefinitionsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> ComponentType.builder("dup").intField("a").intField("a"));
        assertThrows(IllegalArgumentException.class, () -> POSITION.intField("x"), "x is a float");
        assertThrows(IllegalArgumentException.class, () -> POSITION.floatField("z"));
    }
}
