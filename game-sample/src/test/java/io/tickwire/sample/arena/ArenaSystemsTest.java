package io.tickwire.sample.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tickwire.engine.ecs.World;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arena's systems on a bare world, driven tick by tick: no match, no network. */
class ArenaSystemsTest {
    private static final float DT = 1f / 60f;

    private final World world = new World();
    private final List<String> events = new ArrayList<>();
    private final ArenaListener recorder = new ArenaListener() {
        @Override
        public void onHit(int attacker, int victim, int damage, int hpLeft) {
            events.add("hit " + attacker + ">" + victim + " " + damage + " left " + hpLeft);
        }

        @Override
        public void onKill(int killer, int victim) {
            events.add("kill " + killer + ">" + victim);
        }

        @Override
        public void onRoundEnd(int number) {
            events.add("round " + number + " over");
        }

        @Override
        public void onRoundStart(int number) {
            events.add("round " + number + " starts");
        }
    };
    private long tick;
    private RoundSystem round;

    private void arena(long roundMs, long resultsMs) {
        ArenaComponents.registerAll(world);
        int clock = world.create();
        world.add(clock, Clock.TYPE);
        RespawnSystem respawns = new RespawnSystem(world);
        round = new RoundSystem(world, roundMs, resultsMs, 60, recorder, respawns);
        world.addSystem(new WeaponSystem(world, round));
        world.addSystem(new ProjectileSystem(world, recorder));
        world.addSystem(respawns);
        world.addSystem(round);
    }

    private int avatar(int player, float x, float y) {
        return Avatars.create(world, player, x, y);
    }

    private void run(int ticks) {
        for (int i = 0; i < ticks; i++) {
            world.update(tick++, DT);
        }
    }

    @Test
    void registersReplicatedComponentsWithTheWireIdsTheClientExpects() {
        ArenaComponents.registerAll(world);
        assertEquals(0, world.componentId(Clock.TYPE));
        assertEquals(1, world.componentId(RoundState.TYPE));
        assertEquals(2, world.componentId(Position.TYPE));
        assertEquals(3, world.componentId(Avatar.TYPE));
        assertEquals(4, world.componentId(Velocity.TYPE));
        assertEquals(5, world.componentId(Projectile.TYPE));
    }

    @Test
    void aShotThatHitsLowersTheVictimsHealthAndIsGone() {
        arena(60_000, 1000);
        avatar(1, 300, 500);
        int victim = avatar(2, 600, 500);
        int a = avatarOf(1);
        world.setInt(a, Control.FIRE, 1);
        run(1);
        world.setInt(a, Control.FIRE, 0);
        run(30);
        assertEquals(ArenaRules.MAX_HEALTH - ArenaRules.SHOT_DAMAGE, world.getInt(victim, Avatar.HP));
        assertEquals(List.of("hit 1>2 20 left 80"), events);
        assertEquals(0, world.query(Projectile.TYPE).entityCount());
    }

    @Test
    void theLastHitKillsScoresTheKillerAndTheVictimRespawnsAtFullHealth() {
        arena(60_000, 1000);
        int killer = avatar(1, 300, 500);
        int victim = avatar(2, 600, 500);
        world.setInt(victim, Avatar.HP, ArenaRules.SHOT_DAMAGE);
        world.setInt(killer, Control.FIRE, 1);
        run(20);
        world.setInt(killer, Control.FIRE, 0);
        assertTrue(events.contains("kill 1>2"), events.toString());
        assertEquals(1, world.getInt(killer, Avatar.KILLS));
        assertEquals(1, world.getInt(victim, Avatar.DEATHS));
        assertEquals(0, world.getInt(victim, Avatar.HP));
        run(ArenaRules.RESPAWN_MS * 60 / 1000 + 2);
        assertEquals(ArenaRules.MAX_HEALTH, world.getInt(victim, Avatar.HP));
        assertTrue(Math.abs(world.getFloat(victim, Position.X) - 600) > 1 || Math.abs(world.getFloat(victim, Position.Y) - 500) > 1,
                "respawned at a spawn point, not where it died");
    }

    @Test
    void shotsStopAtObstaclesAndNeverHitTheirOwner() {
        arena(60_000, 1000);
        int shooter = avatar(1, 300, 255);            // obstacle at x 340..470 right of it
        int behind = avatar(2, 600, 255);
        world.setInt(shooter, Control.FIRE, 1);
        run(40);
        assertEquals(ArenaRules.MAX_HEALTH, world.getInt(behind, Avatar.HP));
        assertEquals(ArenaRules.MAX_HEALTH, world.getInt(shooter, Avatar.HP));
        assertTrue(events.isEmpty(), events.toString());
    }

    @Test
    void aRoundEndsShowsResultsWithoutShootingThenStartsAgainWithScoresReset() {
        arena(2000, 1000);
        int killer = avatar(1, 300, 500);
        world.setInt(killer, Avatar.KILLS, 3);
        run(121);
        assertEquals(List.of("round 1 over"), events);
        assertFalse(round.isPlaying());
        world.setInt(killer, Control.FIRE, 1);
        run(10);
        assertEquals(0, world.query(Projectile.TYPE).entityCount(), "nobody shoots while results are shown");
        run(60);
        assertEquals(List.of("round 1 over", "round 2 starts"), events);
        assertTrue(round.isPlaying());
        assertEquals(2, round.number());
        assertEquals(0, world.getInt(killer, Avatar.KILLS));
    }

    @Test
    void movementStopsAtWallsAndObstacles() {
        float[] out = new float[2];
        ArenaMap.move(30, 30, -100, -100, out);
        assertEquals(ArenaRules.AVATAR_RADIUS, out[0]);
        assertEquals(ArenaRules.AVATAR_RADIUS, out[1]);
        ArenaMap.move(300, 255, 100, 0, out);        // into the obstacle whose left side is x = 340
        assertEquals(340 - ArenaRules.AVATAR_RADIUS, out[0]);
        assertEquals(255, out[1]);
    }

    private int avatarOf(int player) {
        var q = world.query(Avatar.TYPE);
        for (int a = 0; a < q.archetypeCount(); a++) {
            var t = q.archetype(a);
            for (int r = 0; r < t.size(); r++) {
                if (t.ints(Avatar.PLAYER)[r] == player) {
                    return t.entities()[r];
                }
            }
        }
        throw new AssertionError("no avatar of " + player);
    }
}
