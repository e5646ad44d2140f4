package io.tickwire.sample.arena;

import io.tickwire.engine.ecs.ComponentType;
import io.tickwire.engine.ecs.World;

/**
 * The order in which a match's world numbers the component types. The replicated ones come first, so their
 * wire ids are fixed: {@code clock} 0, {@code round} 1, {@code pos} 2, {@code avatar} 3, {@code vel} 4,
 * {@code shot} 5 (documented in game-sample/README.md; the web client's {@code schema.js} holds the same table).
 */
public final class ArenaComponents {
    /** Every component type of the arena, wire order first. */
    public static final ComponentType[] ALL = {
            Clock.TYPE, RoundState.TYPE, Position.TYPE, Avatar.TYPE, Velocity.TYPE, Projectile.TYPE,
            Lifetime.TYPE, Control.TYPE,
    };

    private ArenaComponents() {
    }

    /** Numbers every arena component in {@code world} in the order of {@link #ALL}; call on a new world. */
    public static void registerAll(World world) {
        for (ComponentType type : ALL) {
            world.componentId(type);
        }
    }
}
