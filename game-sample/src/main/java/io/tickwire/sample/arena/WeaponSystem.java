package io.tickwire.sample.arena;

import io.tickwire.engine.ecs.Archetype;
import io.tickwire.engine.ecs.CommandBuffer;
import io.tickwire.engine.ecs.GameSystem;
import io.tickwire.engine.ecs.Query;
import io.tickwire.engine.ecs.World;

/**
 * Fires a shot for every living avatar whose trigger is held and whose cooldown is over, while a round is
 * being played; counts cooldowns down. A shot starts just outside its avatar, along its aim, at
 * {@link ArenaRules#SHOT_SPEED_PER_SECOND}. Loop thread only; allocates nothing but the shots' entities.
 */
public final class WeaponSystem implements GameSystem {
    private final Query armed;
    private final RoundSystem round;

    public WeaponSystem(World world, RoundSystem round) {
        this.armed = world.query(Avatar.TYPE, Position.TYPE, Control.TYPE);
        this.round = round;
    }

    @Override
    public void update(World world, long tick, float deltaSeconds) {
        boolean playing = round.isPlaying();
        for (int a = 0; a < armed.archetypeCount(); a++) {
            Archetype t = armed.archetype(a);
            int[] cooldown = t.ints(Control.COOLDOWN);
            int[] fire = t.ints(Control.FIRE);
            int[] hp = t.ints(Avatar.HP);
            int[] player = t.ints(Avatar.PLAYER);
            float[] aim = t.floats(Avatar.AIM);
            float[] x = t.floats(Position.X);
            float[] y = t.floats(Position.Y);
            for (int r = 0; r < t.size(); r++) {
                if (cooldown[r] > 0) {
                    cooldown[r]--;
                } else if (playing && fire[r] != 0 && hp[r] > 0) {
                    cooldown[r] = ArenaRules.FIRE_COOLDOWN_TICKS;
                    spawnShot(world, player[r], x[r], y[r], aim[r]);
                }
            }
        }
    }

    private static void spawnShot(World world, int owner, float x, float y, float aim) {
        float dx = (float) Math.cos(aim);
        float dy = (float) Math.sin(aim);
        float offset = ArenaRules.AVATAR_RADIUS + ArenaRules.SHOT_RADIUS + 2f;
        int shot = world.create();
        CommandBuffer c = world.commands();
        c.add(shot, Position.TYPE);
        c.setFloat(shot, Position.X, x + dx * offset);
        c.setFloat(shot, Position.Y, y + dy * offset);
        c.add(shot, Velocity.TYPE);
        c.setFloat(shot, Velocity.X, dx * ArenaRules.SHOT_SPEED_PER_SECOND);
        c.setFloat(shot, Velocity.Y, dy * ArenaRules.SHOT_SPEED_PER_SECOND);
        c.add(shot, Projectile.TYPE);
        c.setInt(shot, Projectile.OWNER, owner);
        c.add(shot, Lifetime.TYPE);
        c.setInt(shot, Lifetime.TICKS_LEFT, ArenaRules.SHOT_LIFETIME_TICKS);
    }
}
