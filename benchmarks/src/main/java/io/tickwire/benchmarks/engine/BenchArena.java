package io.tickwire.benchmarks.engine;

import io.tickwire.engine.ecs.Archetype;
import io.tickwire.engine.ecs.ComponentType;
import io.tickwire.engine.ecs.FloatField;
import io.tickwire.engine.ecs.IntField;
import io.tickwire.engine.ecs.Query;
import io.tickwire.engine.ecs.World;
import io.tickwire.engine.match.Delivery;
import io.tickwire.engine.match.Inputs;
import io.tickwire.engine.match.LeaveReason;
import io.tickwire.engine.match.Match;
import io.tickwire.engine.match.MatchContext;
import io.tickwire.engine.match.Outbox;
import io.tickwire.engine.snapshot.PackBuffer;
import java.nio.ByteBuffer;

/**
 * The benchmarked game: {@value #ENTITIES} entities, five systems (move, friction, wrap at the arena edge,
 * health regeneration, weapon cooldown), player inputs steering avatars, a delta snapshot on snapshot ticks.
 */
final class BenchArena implements Match {
    static final int ENTITIES = 10_000;
    static final int PLAYERS = 16;
    static final ComponentType POSITION = ComponentType.builder("position").floatField("x").floatField("y").replicated().build();
    static final ComponentType VELOCITY = ComponentType.builder("velocity").floatField("x").floatField("y").build();
    static final ComponentType HEALTH = ComponentType.builder("health").intField("hp").replicated().build();
    static final ComponentType WEAPON = ComponentType.builder("weapon").intField("cooldownTicks").build();
    static final FloatField X = POSITION.floatField("x");
    static final FloatField Y = POSITION.floatField("y");
    static final FloatField VX = VELOCITY.floatField("x");
    static final FloatField VY = VELOCITY.floatField("y");
    static final IntField HP = HEALTH.intField("hp");
    static final IntField COOLDOWN = WEAPON.intField("cooldownTicks");

    private final int[] avatarByPlayer = new int[PLAYERS];

    /** Populates {@code world} and adds the five systems. */
    static int[] populate(World world) {
        Query moving = world.query(POSITION, VELOCITY);
        Query living = world.query(HEALTH);
        Query armed = world.query(WEAPON);
        int[] first = new int[PLAYERS];
        for (int i = 0; i < ENTITIES; i++) {
            int e = world.create();
            world.add(e, POSITION);
            world.add(e, VELOCITY);
            world.setFloat(e, VX, (i % 7) - 3);
            world.setFloat(e, VY, (i % 5) - 2);
            if (i % 4 == 0) {
                world.add(e, HEALTH);
            }
            if (i % 3 == 0) {
                world.add(e, WEAPON);
            }
            if (i < PLAYERS) {
                first[i] = e;
            }
        }
        world.addSystem((w, tick, dt) -> {
            for (int a = 0; a < moving.archetypeCount(); a++) {
                Archetype t = moving.archetype(a);
                float[] x = t.floats(X), y = t.floats(Y), vx = t.floats(VX), vy = t.floats(VY);
                for (int r = 0, n = t.size(); r < n; r++) {
                    x[r] += vx[r] * dt;
                    y[r] += vy[r] * dt;
                }
            }
        });
        world.addSystem((w, tick, dt) -> {
            for (int a = 0; a < moving.archetypeCount(); a++) {
                Archetype t = moving.archetype(a);
                float[] vx = t.floats(VX), vy = t.floats(VY);
                for (int r = 0, n = t.size(); r < n; r++) {
                    vx[r] *= 0.999f;
                    vy[r] *= 0.999f;
                }
            }
        });
        world.addSystem((w, tick, dt) -> {
            for (int a = 0; a < moving.archetypeCount(); a++) {
                Archetype t = moving.archetype(a);
                float[] x = t.floats(X), y = t.floats(Y);
                for (int r = 0, n = t.size(); r < n; r++) {
                    x[r] = x[r] > 500 ? x[r] - 1000 : x[r] < -500 ? x[r] + 1000 : x[r];
                    y[r] = y[r] > 500 ? y[r] - 1000 : y[r] < -500 ? y[r] + 1000 : y[r];
                }
            }
        });
        world.addSystem((w, tick, dt) -> {
            for (int a = 0; a < living.archetypeCount(); a++) {
                Archetype t = living.archetype(a);
                int[] hp = t.ints(HP);
                for (int r = 0, n = t.size(); r < n; r++) {
                    hp[r] = Math.min(100, hp[r] + 1);
                }
            }
        });
        world.addSystem((w, tick, dt) -> {
            for (int a = 0; a < armed.archetypeCount(); a++) {
                Archetype t = armed.archetype(a);
                int[] cooldown = t.ints(COOLDOWN);
                for (int r = 0, n = t.size(); r < n; r++) {
                    cooldown[r] = cooldown[r] > 0 ? cooldown[r] - 1 : 30;
                }
            }
        });
        return first;
    }

    @Override
    public void onCreate(MatchContext ctx) {
        System.arraycopy(populate(ctx.world()), 0, avatarByPlayer, 0, PLAYERS);
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
        PackBuffer buffer = ctx.packBuffer().begin();
        ctx.snapshots().writeLatest(previous, buffer.packer());
        buffer.finish();
        ctx.outbox().broadcast("state", buffer.array(), 0, buffer.length(), Delivery.VOLATILE);
    }

    /** An outbox that discards everything. */
    static final class DiscardingOutbox implements Outbox {
        @Override
        public boolean send(int playerId, String event, byte[] payload, int offset, int length, Delivery delivery) {
            return true;
        }

        @Override
        public boolean broadcast(String event, byte[] payload, int offset, int length, Delivery delivery) {
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
}
