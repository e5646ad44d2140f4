package io.tickwire.sample.arena;

import io.tickwire.engine.ecs.ComponentType;
import io.tickwire.engine.ecs.LongField;

/**
 * Replicated, on the first entity of every match (slot 0): the server's wall clock in epoch microseconds,
 * set just before each snapshot is captured, so every snapshot says when it was taken (clients use it for
 * clock sync; the loadtest's game bots measure delivery with it).
 */
public final class Clock {
    public static final ComponentType TYPE = ComponentType.builder("clock").longField("epochMicros").replicated().build();
    public static final LongField EPOCH_MICROS = TYPE.longField("epochMicros");

    private Clock() {
    }
}
