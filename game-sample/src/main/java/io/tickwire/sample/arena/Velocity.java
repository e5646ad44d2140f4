package io.tickwire.sample.arena;

import io.tickwire.engine.ecs.ComponentType;
import io.tickwire.engine.ecs.FloatField;

/** Replicated, on shots: world units per second; constant, so clients extrapolate a shot between snapshots. */
public final class Velocity {
    public static final ComponentType TYPE = ComponentType.builder("vel").floatField("x").floatField("y").replicated().build();
    public static final FloatField X = TYPE.floatField("x");
    public static final FloatField Y = TYPE.floatField("y");

    private Velocity() {
    }
}
