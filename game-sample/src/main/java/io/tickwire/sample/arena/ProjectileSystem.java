package io.tickwire.sample.arena;

import io.tickwire.engine.ecs.Archetype;
import io.tickwire.engine.ecs.GameSystem;
import io.tickwire.engine.ecs.Query;
import io.tickwire.engine.ecs.World;

/**
 * Moves every shot; a shot that leaves the floor, enters an obstacle or runs out of lifetime is destroyed;
 * one that touches a living avatar other than its owner's takes {@link ArenaRules#SHOT_DAMAGE} health
 * (a kill when it reaches 0: the victim's deaths and the killer's kills go up, the victim waits
 * {@link ArenaRules#RESPAWN_MS}) and is destroyed. Reports hits and kills to the {@link ArenaListener}.
 * Loop thread only; allocates nothing.
 */
public final class ProjectileSystem implements GameSystem {
    private static final float HIT_DISTANCE = ArenaRules.AVATAR_RADIUS + ArenaRules.SHOT_RADIUS;

    private final Query shots;
    private final Query avatars;
    private final ArenaListener listener;

    public ProjectileSystem(World world, ArenaListener listener) {
        this.shots = world.query(Projectile.TYPE, Position.TYPE, Velocity.TYPE, Lifetime.TYPE);
        this.avatars = world.query(Avatar.TYPE, Position.TYPE);
        this.listener = listener;
    }

    @Override
    public void update(World world, long tick, float deltaSeconds) {
        for (int a = 0; a < shots.archetypeCount(); a++) {
            Archetype t = shots.archetype(a);
            int[] entity = t.entities();
            float[] x = t.floats(Position.X);
            float[] y = t.floats(Position.Y);
            float[] vx = t.floats(Velocity.X);
            float[] vy = t.floats(Velocity.Y);
            int[] ticksLeft = t.ints(Lifetime.TICKS_LEFT);
            int[] owner = t.ints(Projectile.OWNER);
            for (int r = 0; r < t.size(); r++) {
                if (ticksLeft[r] <= 0) {
                    continue;                       // already spent this tick; its destroy is pending
                }
                x[r] += vx[r] * deltaSeconds;
                y[r] += vy[r] * deltaSeconds;
                ticksLeft[r]--;
                if (ticksLeft[r] == 0 || ArenaMap.blocks(x[r], y[r], ArenaRules.SHOT_RADIUS) || hit(owner[r], x[r], y[r])) {
                    ticksLeft[r] = 0;
                    world.commands().destroy(entity[r]);
                }
            }
        }
    }

    private boolean hit(int owner, float sx, float sy) {
        for (int a = 0; a < avatars.archetypeCount(); a++) {
            Archetype t = avatars.archetype(a);
            int[] player = t.ints(Avatar.PLAYER);
            int[] hp = t.ints(Avatar.HP);
            float[] x = t.floats(Position.X);
            float[] y = t.floats(Position.Y);
            for (int r = 0; r < t.size(); r++) {
                if (hp[r] <= 0 || player[r] == owner) {
                    continue;
                }
                float dx = x[r] - sx;
                float dy = y[r] - sy;
                if (dx * dx + dy * dy <= HIT_DISTANCE * HIT_DISTANCE) {
                    hp[r] = Math.max(0, hp[r] - ArenaRules.SHOT_DAMAGE);
                    listener.onHit(owner, player[r], ArenaRules.SHOT_DAMAGE, hp[r]);
                    if (hp[r] == 0) {
                        t.ints(Avatar.DEATHS)[r]++;
                        t.ints(Avatar.RESPAWN_MS)[r] = ArenaRules.RESPAWN_MS;
                        creditKill(owner);
                        listener.onKill(owner, player[r]);
                    }
                    return true;
                }
            }
        }
        return false;
    }

    private void creditKill(int killer) {
        for (int a = 0; a < avatars.archetypeCount(); a++) {
            Archetype t = avatars.archetype(a);
            int[] player = t.ints(Avatar.PLAYER);
            for (int r = 0; r < t.size(); r++) {
                if (player[r] == killer) {
                    t.ints(Avatar.KILLS)[r]++;
                    return;
                }
            }
        }
    }
}
