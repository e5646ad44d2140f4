package io.tickwire.sample.bots;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tickwire.engine.ecs.World;
import io.tickwire.sample.arena.ArenaComponents;
import io.tickwire.sample.arena.ArenaListener;
import io.tickwire.sample.arena.ArenaRules;
import io.tickwire.sample.arena.Avatar;
import io.tickwire.sample.arena.Avatars;
import io.tickwire.sample.arena.Position;
import io.tickwire.sample.arena.ProjectileSystem;
import io.tickwire.sample.arena.RespawnSystem;
import io.tickwire.sample.arena.RoundSystem;
import io.tickwire.sample.arena.WeaponSystem;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Bots are entities played by a system in the loop: they hunt what they see and wander when alone. */
class BotSystemTest {
    private final World world = new World();
    private long tick;

    BotSystemTest() {
        ArenaComponents.registerAll(world);
        RespawnSystem respawns = new RespawnSystem(world);
        RoundSystem round = new RoundSystem(world, 600_000, 1000, 60, ArenaListener.NONE, respawns);
        world.addSystem(new BotSystem(world, round, new SplittableRandom(7)));
        world.addSystem(new WeaponSystem(world, round));
        world.addSystem(new ProjectileSystem(world, ArenaListener.NONE));
        world.addSystem(respawns);
        world.addSystem(round);
    }

    private int avatar(int player, float x, float y, boolean bot) {
        int a = Avatars.create(world, player, x, y);
        if (bot) {
            world.add(a, BotBrain.TYPE);
            world.setFloat(a, BotBrain.SKILL, 0.6f);
            world.setInt(a, BotBrain.STRAFE, 1);
            world.setFloat(a, BotBrain.GOAL_X, x);
            world.setFloat(a, BotBrain.GOAL_Y, y);
        }
        return a;
    }

    private void seconds(int s) {
        for (int i = 0; i < s * 60; i++) {
            world.update(tick++, 1f / 60f);
        }
    }

    @Test
    void aBotHuntsAndShootsAnAvatarItSees() {
        avatar(-1, 200, 370, true);
        int human = avatar(0, 700, 370, false);
        seconds(6);
        assertTrue(world.getInt(human, Avatar.HP) < ArenaRules.MAX_HEALTH || world.getInt(human, Avatar.DEATHS) > 0,
                "the bot hit the avatar standing in the open lane");
    }

    @Test
    void aBotAloneWandersAroundTheArena() {
        int bot = avatar(-1, 150, 150, true);
        seconds(4);
        float moved = Math.abs(world.getFloat(bot, Position.X) - 150) + Math.abs(world.getFloat(bot, Position.Y) - 150);
        assertTrue(moved > 100, "moved " + moved);
    }
}
