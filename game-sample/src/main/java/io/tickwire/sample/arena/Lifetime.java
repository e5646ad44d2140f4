package io.tickwire.sample.arena;

import io.tickwire.engine.ecs.ComponentType;
import io.tickwire.engine.ecs.IntField;

/** Server only: ticks a shot still flies (clients do not need it, so it costs no bytes on the wire). */
public final class Lifetime {
    public static final ComponentType TYPE = ComponentType.builder("lifetime").intField("ticksLeft").build();
    public static final IntField TICKS_LEFT = TYPE.intField("ticksLeft");

    private Lifetime() {
    }
}
