package io.tickwire.sample.arena;

import io.tickwire.engine.ecs.World;

/** Makes avatar entities: {@link Position}, {@link Avatar} and {@link Control}, alive at full health. */
public final class Avatars {
    private Avatars() {
    }

    /**
     * A new avatar of {@code player} at {@code (x, y)}. Outside systems only (it changes the world's structure);
     * loop thread only.
     */
    public static int create(World world, int player, float x, float y) {
        int avatar = world.create();
        world.add(avatar, Position.TYPE);
        world.add(avatar, Avatar.TYPE);
        world.add(avatar, Control.TYPE);
        world.setInt(avatar, Avatar.PLAYER, player);
        world.setInt(avatar, Avatar.HP, ArenaRules.MAX_HEALTH);
        world.setFloat(avatar, Position.X, x);
        world.setFloat(avatar, Position.Y, y);
        return avatar;
    }
}
