package io.tickwire.sample.bots;

import io.tickwire.engine.ecs.ComponentType;
import io.tickwire.engine.ecs.FloatField;
import io.tickwire.engine.ecs.IntField;

/**
 * Server only, on bot avatars: what the bot is up to. {@code target} is the avatar entity it hunts (0 for
 * none); it rethinks when {@code thinkTicks} reaches 0; {@code strafe} is +1 or -1 (which way it circles);
 * {@code goalX, goalY} is where it wanders without a target; {@code skill} in [0, 1] scales how well it aims.
 * Bots fire in bursts (two thirds of the time), so a human who keeps moving can win a duel.
 */
public final class BotBrain {
    public static final ComponentType TYPE = ComponentType.builder("bot").intField("target").intField("thinkTicks")
            .intField("strafe").floatField("goalX").floatField("goalY").floatField("skill").floatField("aimError").build();
    public static final IntField TARGET = TYPE.intField("target");
    public static final IntField THINK_TICKS = TYPE.intField("thinkTicks");
    public static final IntField STRAFE = TYPE.intField("strafe");
    public static final FloatField GOAL_X = TYPE.floatField("goalX");
    public static final FloatField GOAL_Y = TYPE.floatField("goalY");
    public static final FloatField SKILL = TYPE.floatField("skill");
    /** Radians its aim is off by, drawn again at every rethink (worse bots miss more). */
    public static final FloatField AIM_ERROR = TYPE.floatField("aimError");

    private BotBrain() {
    }
}
