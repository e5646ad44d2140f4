package io.tickwire.sample.arena;

import io.tickwire.engine.ecs.ComponentType;
import io.tickwire.engine.ecs.IntField;

/** Replicated: a shot in flight and who fired it (an {@link Avatar#PLAYER} id). */
public final class Projectile {
    public static final ComponentType TYPE = ComponentType.builder("shot").intField("owner").replicated().build();
    public static final IntField OWNER = TYPE.intField("owner");

    private Projectile() {
    }
}
