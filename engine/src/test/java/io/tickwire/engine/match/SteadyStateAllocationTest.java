package io.tickwire.engine.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tickwire.engine.ecs.Archetype;
import io.tickwire.engine.ecs.ComponentType;
import io.tickwire.engine.ecs.FloatField;
import io.tickwire.engine.ecs.IntField;
import io.tickwire.engine.ecs.Query;
import io.tickwire.engine.ecs.World;
import io.tickwire.engine.ecs.WorldOptions;
import io.tickwire.engine.loop.ManualNanoClock;
import io.tickwire.engine.loop.TickLoopOptions;
import io.tickwire.engine.snapshot.PackBuffer;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * The loop thread's steady state allocates nothing: 1,000 ticks of a 10,000-entity world with three systems,
 * 16 players sending inputs every tick, and a snapshot sent to every player at every
 * snapshot tick (a delta to half of them, a full one to the others).
 */
class SteadyStateAllocationTest {
    static final ComponentType POSITION = ComponentType.builder("position").floatField("x").floatField("y").replicated().build();
    static final ComponentType VELOCITY = ComponentType.builder("velocity").floatField("x").floatField("y").build();
    static final ComponentType HEALTH = ComponentType.builder("health").intField("hp").replicated().build();
    static final FloatField X = POSITION.floatField("x");
    static final FloatField Y = POSITION.floatField("y");
    static final FloatField VX = VELOCITY.floatField("x");
    static final FloatField VY = VELOCITY.floatField("y");
    static final IntField HP = HEALTH.intField("hp");
    static final int ENTITIES = 10_000;
    static final int PLAYERS = 16;

    /** Moves everything, wraps at the arena's edge, regenerates health, steers player avatars from inputs. */
    static final class Arena implements Match {
        private final int[] avatarByPlayer = new int[PLAYERS];
        private Query moving;
        private Query living;
        long bytesSent;

        @Override
        public void onCreate(MatchContext ctx) {
            World world = ctx.world();
            moving = world.query(POSITION, VELOCITY);
            living = world.query(HEALTH);
            for (int i = 0; i < ENTITIES; i++) {
                int e = world.create();
                world.add(e, POSITION);
                world.add(e, VELOCITY);
                world.setFloat(e, VX, (i % 7) - 3);
                world.setFloat(e, VY, (i % 5) - 2);
                if (i % 4 == 0) {
                    world.add(e, HEALTH);
                }
                if (i < PLAYERS) {
                    avatarByPlayer[i] = e;
                }
            }
            world.addSystem((w, tick, dt) -> {
                for (int a = 0; a < moving.archetypeCount(); a++) {
                    Archetype table = moving.archetype(a);
                    float[] x = table.floats(X), y = table.floats(Y), vx = table.floats(VX), vy = table.floats(VY);
                    for (int row = 0, n = table.size(); row < n; row++) {
                        x[row] += vx[row] * dt;
                        y[row] += vy[row] * dt;
                    }
                }
            });
            world.addSystem((w, tick, dt) -> {
                for (int a = 0; a < moving.archetypeCount(); a++) {
                    Archetype table = moving.archetype(a);
                    float[] x = table.floats(X), y = table.floats(Y);
                    for (int row = 0, n = table.size(); row < n; row++) {
                        x[row] = x[row] > 500 ? x[row] - 1000 : x[row] < -500 ? x[row] + 1000 : x[row];
                        y[row] = y[row] > 500 ? y[row] - 1000 : y[row] < -500 ? y[row] + 1000 : y[row];
                    }
                }
            });
            world.addSystem((w, tick, dt) -> {
                for (int a = 0; a < living.archetypeCount(); a++) {
                    Archetype table = living.archetype(a);
                    int[] hp = table.ints(HP);
                    for (int row = 0, n = table.size(); row < n; row++) {
                        hp[row] = Math.min(100, hp[row] + 1);
                    }
                }
            });
        }

        @Override
        public void onJoin(MatchContext ctx, int playerId) {
        }

        @Override
        public void onLeave(MatchContext ctx, int playerId, LeaveReason reason) {
        }

        @Override
        public void onTick(MatchContext ctx, Inputs inputs) {
            for (int i = 0; i < inputs.size(); i++) {
                ByteBuffer payload = inputs.payload(i);
                int avatar = avatarByPlayer[inputs.playerId(i)];
                ctx.world().setFloat(avatar, VX, payload.getFloat(0));
                ctx.world().setFloat(avatar, VY, payload.getFloat(4));
            }
        }

        @Override
        public void onSnapshot(MatchContext ctx) {
            long previous = ctx.snapshots().latest() == null ? -1 : ctx.snapshots().latest().tick();
            ctx.snapshots().capture(ctx.tick());
            for (int player = 0; player < PLAYERS; player++) {
                long acked = player % 2 == 0 ? previous : -1;
                PackBuffer state = ctx.snapshots().encodeLatest(acked);
                ctx.outbox().send(player, "state", state.array(), 0, state.length(), Delivery.VOLATILE);
                bytesSent += state.length();
            }
        }
    }

    /** Counts without keeping anything. */
    static final class CountingOutbox implements Outbox {
        long messages;

        @Override
        public boolean send(int playerId, String event, byte[] payload, int offset, int length, Delivery delivery) {
            messages++;
            return true;
        }

        @Override
        public boolean broadcast(String event, byte[] payload, int offset, int length, Delivery delivery) {
            messages++;
            return true;
        }

        @Override
        public boolean sendWithAck(int playerId, String event, byte[] payload, int offset, int length, long ackToken,
                long timeoutMs) {
            return true;
        }

        @Override
        public boolean broadcastWithAck(String event, byte[] payload, int offset, int length, long ackToken, long timeoutMs) {
            return true;
        }

        @Override
        public void playerRemoved(int playerId, LeaveReason reason) {
        }

        @Override
        public void flush() {
        }
    }

    @Test
    void thousandTicksOfATenThousandEntityWorldWithInputsAllocateNothingOnTheLoopThread() {
        ManualNanoClock clock = new ManualNanoClock(0);
        CountingOutbox outbox = new CountingOutbox();
        MatchRegistry registry = MatchRegistry.builder().clock(clock).tickLoop(TickLoopOptions.defaults())
                .outboxes(handle -> outbox).build();
        Arena arena = new Arena();
        MatchHandle match = registry.create("arena", MatchOptions.builder().maxPlayers(PLAYERS)
                .world(WorldOptions.builder().entityCapacity(ENTITIES).build()).build(), arena);
        for (int player = 0; player < PLAYERS; player++) {
            match.requestJoin(player, new byte[0], 0, 0, null);
        }
        byte[] steer = new byte[8];
        ByteBuffer.wrap(steer).putFloat(0, 1.5f).putFloat(4, -2f);
        long period = TickLoopOptions.defaults().tickPeriodNanos();

        long[] sequence = {0};
        Runnable oneTick = () -> {
            for (int player = 0; player < PLAYERS; player++) {
                match.publishInput(player, sequence[0]++, steer, 0, steer.length);
                match.publishInput(player, sequence[0]++, steer, 0, steer.length);
            }
            registry.doWork();
            clock.advanceNanos(period);
        };
        for (int i = 0; i < 3_000; i++) {
            oneTick.run();
        }

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        threads.getThreadAllocatedBytes(thread);
        // Best of three windows: a late JIT recompilation (the build machine is shared) can briefly run code in
        // the interpreter, where allocations that compiled code eliminates are real. Steady state is the floor.
        long allocated = Long.MAX_VALUE;
        for (int window = 0; window < 3 && allocated >= 1_024; window++) {
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < 1_000; i++) {
                oneTick.run();
            }
            allocated = Math.min(allocated, threads.getThreadAllocatedBytes(thread) - before);
        }
        System.out.println("steady state: " + allocated + " bytes allocated on the loop thread in 1,000 ticks, "
                + arena.bytesSent / (outbox.messages) + " bytes per snapshot message");

        assertTrue(registry.loopStats(0).ticks() >= 4_000);
        assertEquals(0, registry.loopStats(0).droppedInputs());
        assertTrue(arena.bytesSent > 0 && outbox.messages > 1_000 / 3);
        assertTrue(allocated < 1_024, "1,000 steady-state ticks allocated " + allocated + " bytes on the loop thread");
    }
}
