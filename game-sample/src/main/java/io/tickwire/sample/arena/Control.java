package io.tickwire.sample.arena;

import io.tickwire.engine.ecs.ComponentType;
import io.tickwire.engine.ecs.FloatField;
import io.tickwire.engine.ecs.IntField;

/**
 * Server only, on avatars: what its player (or bot) holds now. {@code fire} is 1 while the trigger is held;
 * {@code cooldown} counts ticks until the next shot; {@code stepCredit} is how many movement inputs it may
 * still apply (earned in real time, so a client sending faster than 30 Hz does not move faster).
 */
public final class Control {
    public static final ComponentType TYPE = ComponentType.builder("control").intField("fire").intField("cooldown")
            .floatField("stepCredit").build();
    public static final IntField FIRE = TYPE.intField("fire");
    public static final IntField COOLDOWN = TYPE.intField("cooldown");
    public static final FloatField STEP_CREDIT = TYPE.floatField("stepCredit");

    private Control() {
    }
}
