package io.tickwire.sample.bots;

import io.tickwire.engine.ecs.Archetype;
import io.tickwire.engine.ecs.Entity;
import io.tickwire.engine.ecs.GameSystem;
import io.tickwire.engine.ecs.Query;
import io.tickwire.engine.ecs.World;
import io.tickwire.sample.arena.ArenaMap;
import io.tickwire.sample.arena.ArenaRules;
import io.tickwire.sample.arena.Avatar;
import io.tickwire.sample.arena.Control;
import io.tickwire.sample.arena.Position;
import io.tickwire.sample.arena.RoundSystem;

import java.util.SplittableRandom;

/**
 * Plays the bots, before the weapons fire each tick. A bot rethinks a few times a second: it hunts the
 * nearest living avatar it can see (else the nearest at all), keeps a fighting distance while circling it,
 * and wanders when alone. Its aim turns towards the target at a limited rate with some error, and it pulls
 * the trigger only when it sees the target within range, so a human can outplay it. Moves by the same
 * {@link ArenaMap#move} rule as players. Loop thread only; allocates nothing.
 */
public final class BotSystem implements GameSystem {
    private static final float RANGE = 700f;
    private static final float NEAR = 220f;
    private static final float FAR = 420f;
    private static final float TURN_RADIANS_PER_SECOND = 4f;
    private static final int BURST_TICKS = 40;

    private final Query bots;
    private final Query avatars;
    private final RoundSystem round;
    private final SplittableRandom random;
    private final float[] moved = new float[2];

    public BotSystem(World world, RoundSystem round, SplittableRandom random) {
        this.bots = world.query(BotBrain.TYPE, Avatar.TYPE, Position.TYPE, Control.TYPE);
        this.avatars = world.query(Avatar.TYPE, Position.TYPE);
        this.round = round;
        this.random = random;
    }

    @Override
    public void update(World world, long tick, float deltaSeconds) {
        for (int a = 0; a < bots.archetypeCount(); a++) {
            Archetype t = bots.archetype(a);
            for (int r = 0; r < t.size(); r++) {
                if (t.ints(Avatar.HP)[r] > 0 && round.isPlaying()) {
                    play(world, t, r, tick, deltaSeconds);
                } else {
                    t.ints(Control.FIRE)[r] = 0;
                }
            }
        }
    }

    private void play(World world, Archetype t, int r, long tick, float dt) {
        float x = t.floats(Position.X)[r];
        float y = t.floats(Position.Y)[r];
        int[] think = t.ints(BotBrain.THINK_TICKS);
        if (--think[r] <= 0) {
            think[r] = 12 + random.nextInt(12);
            t.ints(BotBrain.TARGET)[r] = nearestEnemy(t.entities()[r], x, y);
            if (random.nextInt(5) == 0) {
                t.ints(BotBrain.STRAFE)[r] = random.nextBoolean() ? 1 : -1;
            }
            float sloppiness = (1.15f - t.floats(BotBrain.SKILL)[r]) * 0.3f;
            t.floats(BotBrain.AIM_ERROR)[r] = (float) ((random.nextDouble() * 2 - 1) * sloppiness);
        }
        int target = t.ints(BotBrain.TARGET)[r];
        if (target != 0 && (!world.isAlive(target) || world.getInt(target, Avatar.HP) == 0)) {
            target = 0;
            think[r] = 0;
        }
        float mx;
        float my;
        boolean shoot = false;
        if (target == 0) {
            float gx = t.floats(BotBrain.GOAL_X)[r];
            float gy = t.floats(BotBrain.GOAL_Y)[r];
            if (Math.abs(gx - x) + Math.abs(gy - y) < 40f) {
                t.floats(BotBrain.GOAL_X)[r] = 100f + random.nextInt((int) ArenaRules.WIDTH - 200);
                t.floats(BotBrain.GOAL_Y)[r] = 100f + random.nextInt((int) ArenaRules.HEIGHT - 200);
            }
            mx = gx - x;
            my = gy - y;
            turnTowards(t, r, (float) Math.atan2(my, mx), dt, 0f);
        } else {
            float tx = world.getFloat(target, Position.X);
            float ty = world.getFloat(target, Position.Y);
            float dx = tx - x;
            float dy = ty - y;
            float distance = (float) Math.hypot(dx, dy);
            turnTowards(t, r, (float) Math.atan2(dy, dx), dt, t.floats(BotBrain.AIM_ERROR)[r]);
            float toward = distance > FAR ? 1f : distance < NEAR ? -1f : 0f;
            float strafe = t.ints(BotBrain.STRAFE)[r];
            mx = dx / distance * toward - dy / distance * strafe * 0.8f;
            my = dy / distance * toward + dx / distance * strafe * 0.8f;
            boolean burst = ((tick + 17L * Entity.index(t.entities()[r])) / BURST_TICKS) % 3 != 2;
            shoot = burst && distance < RANGE && ArenaMap.lineOfSight(x, y, tx, ty)
                    && Math.abs(angleBetween(t.floats(Avatar.AIM)[r], (float) Math.atan2(dy, dx))) < 0.3f;
        }
        t.ints(Control.FIRE)[r] = shoot ? 1 : 0;
        float length = (float) Math.hypot(mx, my);
        if (length > 0.01f) {
            float step = ArenaRules.SPEED_PER_SECOND * 0.85f * dt / length;
            ArenaMap.move(x, y, mx * step, my * step, moved);
            if (Math.abs(moved[0] - x) + Math.abs(moved[1] - y) < 0.05f) {
                t.ints(BotBrain.STRAFE)[r] = -t.ints(BotBrain.STRAFE)[r];   // stuck against something
                t.floats(BotBrain.GOAL_X)[r] = x;
                t.floats(BotBrain.GOAL_Y)[r] = y;
            }
            t.floats(Position.X)[r] = moved[0];
            t.floats(Position.Y)[r] = moved[1];
        }
    }

    private int nearestEnemy(int self, float x, float y) {
        int best = 0;
        float bestScore = Float.MAX_VALUE;
        for (int a = 0; a < avatars.archetypeCount(); a++) {
            Archetype t = avatars.archetype(a);
            for (int r = 0; r < t.size(); r++) {
                int other = t.entities()[r];
                if (other == self || t.ints(Avatar.HP)[r] == 0) {
                    continue;
                }
                float ox = t.floats(Position.X)[r];
                float oy = t.floats(Position.Y)[r];
                float score = (float) Math.hypot(ox - x, oy - y) * (ArenaMap.lineOfSight(x, y, ox, oy) ? 1f : 3f);
                if (score < bestScore) {
                    bestScore = score;
                    best = other;
                }
            }
        }
        return best;
    }

    private static void turnTowards(Archetype t, int r, float wanted, float dt, float error) {
        float[] aim = t.floats(Avatar.AIM);
        float diff = angleBetween(aim[r], wanted + error);
        float max = TURN_RADIANS_PER_SECOND * dt;
        aim[r] = normalize(aim[r] + Math.max(-max, Math.min(max, diff)));
    }

    private static float angleBetween(float from, float to) {
        return normalize(to - from);
    }

    private static float normalize(float angle) {
        float a = angle;
        while (a > Math.PI) {
            a -= (float) (2 * Math.PI);
        }
        while (a < -Math.PI) {
            a += (float) (2 * Math.PI);
        }
        return a;
    }
}
