package io.tickwire.sample.arena;

import io.tickwire.engine.ecs.ComponentType;
import io.tickwire.engine.ecs.FloatField;

/** Replicated: where an avatar or a shot is, in world units from the arena's top-left corner. */
public final class Position {
    public static final ComponentType TYPE = ComponentType.builder("pos").floatField("x").floatField("y").replicated().build();
    public static final FloatField X = TYPE.floatField("x");
    public static final FloatField Y = TYPE.floatField("y");

    private Position() {
    }
}
