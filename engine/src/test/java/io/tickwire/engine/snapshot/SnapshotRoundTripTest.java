package io.tickwire.engine.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tickwire.engine.ecs.ComponentType;
import io.tickwire.engine.ecs.DoubleField;
import io.tickwire.engine.ecs.FloatField;
import io.tickwire.engine.ecs.IntField;
import io.tickwire.engine.ecs.LongField;
import io.tickwire.engine.ecs.World;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

class SnapshotRoundTripTest {
    static final ComponentType POSITION = ComponentType.builder("position").floatField("x").floatField("y").replicated().build();
    static final ComponentType STATS = ComponentType.builder("stats").intField("hp").longField("score").doubleField("mass")
            .replicated().build();
    static final ComponentType AI = ComponentType.builder("ai").intField("state").build();
    static final FloatField X = POSITION.floatField("x");
    static final FloatField Y = POSITION.floatField("y");
    static final IntField HP = STATS.intField("hp");
    static final LongField SCORE = STATS.longField("score");
    static final DoubleField MASS = STATS.doubleField("mass");
    static final IntField AI_STATE = AI.intField("state");

    private final World world = new World();
    private final SnapshotHistory history = new SnapshotHistory(world, 8);
    private final PackBuffer buffer = new PackBuffer(16);
    private final SnapshotDecoder decoder = new SnapshotDecoder();

    @Test
    void deltaAppliedToTheOldStateEqualsTheNewStateThroughRandomChanges() {
        SplittableRandom random = new SplittableRandom(42);
        List<Integer> entities = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            entities.add(spawn(random));
        }
        ReplicatedState client = new ReplicatedState();
        history.capture(0);
        decode(null, write(-1), client);
        assertEquals(history.latest(), client);

        for (long tick = 1; tick <= 60; tick++) {
            mutate(random, entities);
            history.capture(tick);
            ReplicatedState next = new ReplicatedState();
            assertTrue(history.writeLatest(client.tick(), buffer.begin().packer()), "base is in the ring");
            decode(client, buffer.finish().toByteArray(), next);
            assertEquals(history.latest(), next, "after tick " + tick);
            client = next;
        }
    }

    @Test
    void deltaAgainstAnOlderAcknowledgedTickSkipsTheTicksBetween() {
        int e = spawn(new SplittableRandom(1));
        history.capture(10);
        ReplicatedState acked = new ReplicatedState();
        decode(null, write(-1), acked);
        world.setFloat(e, X, 99f);
        history.capture(11);
        world.destroy(e);
        spawn(new SplittableRandom(2));
        history.capture(12);

        ReplicatedState latest = new ReplicatedState();
        decode(acked, write(10), latest);

        assertEquals(history.find(12), latest);
        assertEquals(12, latest.tick());
    }

    @Test
    void writesAFullSnapshotWhenTheAcknowledgedTickHasLeftTheRing() {
        spawn(new SplittableRandom(3));
        for (long tick = 0; tick < 10; tick++) {
            history.capture(tick);
        }
        assertFalse(history.writeLatest(0, buffer.begin().packer()), "tick 0 was overwritten (ring of 8)");
        ReplicatedState rebuilt = new ReplicatedState();
        decode(null, buffer.finish().toByteArray(), rebuilt);
        assertEquals(history.latest(), rebuilt);
    }

    @Test
    void anUnchangedWorldGivesAnEmptyDeltaAndOnlyReplicatedComponentsAreSent() {
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 100; i++) {
            spawn(random);
        }
        history.capture(1);
        int fullBytes = write(-1).length;
        history.capture(2);
        byte[] delta = write(1);

        assertTrue(delta.length <= 8, "an empty delta is a few header bytes, got " + delta.length);
        assertTrue(fullBytes > 100 * 10, "a full snapshot carries every entity");
        ReplicatedState state = history.latest();
        for (int r = 0; r < state.recordCount(); r++) {
            assertNotEquals(world.componentId(AI), state.componentId(r), "ai is not replicated");
        }
    }

    @Test
    void aChangedFieldIsSentAloneNotTheWholeComponent() {
        int e = spawn(new SplittableRandom(5));
        history.capture(1);
        world.setInt(e, HP, 7);
        history.capture(2);

        byte[] delta = write(1);

        assertTrue(delta.length < 20, "one int field, got " + delta.length + " bytes");
    }

    @Test
    void encodesTheLatestCaptureOncePerDistinctBaseTick() {
        int e = spawn(new SplittableRandom(6));
        history.capture(1);
        world.setFloat(e, X, 5f);
        history.capture(2);
        world.setFloat(e, Y, 6f);
        history.capture(3);

        PackBuffer fromOne = history.encodeLatest(1);
        byte[] fromOneBytes = fromOne.toByteArray();
        PackBuffer fromTwo = history.encodeLatest(2);
        assertSame(fromOne, history.encodeLatest(1), "a second player with the same acknowledged tick reuses it");
        assertSame(history.encodeLatest(-1), history.encodeLatest(999), "unknown bases share the full snapshot");

        ReplicatedState atOne = new ReplicatedState();
        atOne.copyFrom(history.find(1));
        ReplicatedState rebuilt = new ReplicatedState();
        decode(atOne, fromOneBytes, rebuilt);
        assertEquals(history.latest(), rebuilt);
        ReplicatedState atTwo = new ReplicatedState();
        atTwo.copyFrom(history.find(2));
        decode(atTwo, fromTwo.toByteArray(), rebuilt);
        assertEquals(history.latest(), rebuilt);

        world.setFloat(e, X, 7f);
        history.capture(4);
        ReplicatedState afterNextCapture = new ReplicatedState();
        decode(atOne, history.encodeLatest(1).toByteArray(), afterNextCapture);
        assertEquals(4, afterNextCapture.tick(), "a new capture invalidates the cached encodings");
        assertEquals(history.latest(), afterNextCapture);
    }

    private int spawn(SplittableRandom random) {
        int e = world.create();
        world.add(e, POSITION);
        world.setFloat(e, X, (float) random.nextDouble(-100, 100));
        world.setFloat(e, Y, (float) random.nextDouble(-100, 100));
        if (random.nextBoolean()) {
            world.add(e, STATS);
            world.setInt(e, HP, random.nextInt(-5, 100));
            world.setLong(e, SCORE, random.nextLong());
            world.setDouble(e, MASS, random.nextDouble());
        }
        if (random.nextBoolean()) {
            world.add(e, AI);
            world.setInt(e, AI_STATE, random.nextInt());
        }
        return e;
    }

    private void mutate(SplittableRandom random, List<Integer> entities) {
        for (int n = 0; n < 15; n++) {
            int i = random.nextInt(entities.size());
            int e = entities.get(i);
            switch (random.nextInt(6)) {
                case 0 -> {
                    world.destroy(e);
                    entities.set(i, spawn(random));
                }
                case 1 -> {
                    if (world.has(e, POSITION)) {
                        world.setFloat(e, X, world.getFloat(e, X) + 1.25f);
                    }
                }
                case 2 -> {
                    if (!world.remove(e, STATS)) {
                        world.add(e, STATS);
                        world.setInt(e, HP, random.nextInt());
                    }
                }
                case 3 -> world.remove(e, POSITION);
                case 4 -> {
                    world.add(e, POSITION);
                    world.setFloat(e, Y, Float.NaN);
                }
                default -> {
                    world.add(e, AI);
                    world.setInt(e, AI_STATE, random.nextInt());
                }
            }
        }
    }

    private byte[] write(long baseTick) {
        history.writeLatest(baseTick, buffer.begin().packer());
        return buffer.finish().toByteArray();
    }

    private void decode(ReplicatedState base, byte[] bytes, ReplicatedState out) {
        try (MessageUnpacker in = MessagePack.newDefaultUnpacker(bytes)) {
            decoder.decode(base, in, out);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
