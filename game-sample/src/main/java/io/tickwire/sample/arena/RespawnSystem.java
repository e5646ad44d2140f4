package io.tickwire.sample.arena;

import io.tickwire.engine.ecs.Archetype;
import io.tickwire.engine.ecs.GameSystem;
import io.tickwire.engine.ecs.Query;
import io.tickwire.engine.ecs.World;

/**
 * Brings dead avatars back: counts their {@link Avatar#RESPAWN_MS} down and, at 0, puts them at full health
 * on the spawn point farthest from every living avatar. {@link #spawn} places a new avatar the same way.
 * Loop thread only; allocates nothing.
 */
public final class RespawnSystem implements GameSystem {
    private final Query avatars;

    public RespawnSystem(World world) {
        this.avatars = world.query(Avatar.TYPE, Position.TYPE);
    }

    @Override
    public void update(World world, long tick, float deltaSeconds) {
        int elapsedMs = Math.round(deltaSeconds * 1000f);
        for (int a = 0; a < avatars.archetypeCount(); a++) {
            Archetype t = avatars.archetype(a);
            int[] hp = t.ints(Avatar.HP);
            int[] respawnMs = t.ints(Avatar.RESPAWN_MS);
            for (int r = 0; r < t.size(); r++) {
                if (hp[r] == 0 && (respawnMs[r] -= elapsedMs) <= 0) {
                    respawnMs[r] = 0;
                    hp[r] = ArenaRules.MAX_HEALTH;
                    place(t, r);
                }
            }
        }
    }

    /** Puts {@code avatar} (which has {@link Avatar} and {@link Position}) alive on the safest spawn point. */
    public void spawn(World world, int avatar) {
        int spawn = safestSpawn(avatar);
        world.setFloat(avatar, Position.X, ArenaMap.spawnX(spawn));
        world.setFloat(avatar, Position.Y, ArenaMap.spawnY(spawn));
        world.setInt(avatar, Avatar.HP, ArenaRules.MAX_HEALTH);
        world.setInt(avatar, Avatar.RESPAWN_MS, 0);
    }

    private void place(Archetype t, int row) {
        int spawn = safestSpawn(t.entities()[row]);
        t.floats(Position.X)[row] = ArenaMap.spawnX(spawn);
        t.floats(Position.Y)[row] = ArenaMap.spawnY(spawn);
    }

    private int safestSpawn(int self) {
        int best = 0;
        float bestDistance = -1f;
        for (int s = 0; s < ArenaMap.spawnCount(); s++) {
            float nearest = Float.MAX_VALUE;
            for (int a = 0; a < avatars.archetypeCount(); a++) {
                Archetype t = avatars.archetype(a);
                int[] entity = t.entities();
                int[] hp = t.ints(Avatar.HP);
                float[] x = t.floats(Position.X);
                float[] y = t.floats(Position.Y);
                for (int r = 0; r < t.size(); r++) {
                    if (entity[r] != self && hp[r] > 0) {
                        float dx = x[r] - ArenaMap.spawnX(s);
                        float dy = y[r] - ArenaMap.spawnY(s);
                        nearest = Math.min(nearest, dx * dx + dy * dy);
                    }
                }
            }
            if (nearest > bestDistance) {
                bestDistance = nearest;
                best = s;
            }
        }
        return best;
    }
}
