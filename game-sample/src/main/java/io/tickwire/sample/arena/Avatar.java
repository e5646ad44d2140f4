package io.tickwire.sample.arena;

import io.tickwire.engine.ecs.ComponentType;
import io.tickwire.engine.ecs.FloatField;
import io.tickwire.engine.ecs.IntField;

/**
 * Replicated: a fighter in the arena, a human player's or a bot's. {@code player} is the GameServer's player
 * id for humans (0 or more) and a negative id for bots; names are in the roster event, not in the world.
 */
public final class Avatar {
    public static final ComponentType TYPE = ComponentType.builder("avatar").intField("player").floatField("aim")
            .intField("hp").intField("kills").intField("deaths").intField("respawnMs").replicated().build();
    public static final IntField PLAYER = TYPE.intField("player");
    /** Where it aims, radians, 0 = +x (right), clockwise on screen (y grows downwards). */
    public static final FloatField AIM = TYPE.floatField("aim");
    /** Health, 0 to {@link ArenaRules#MAX_HEALTH}; 0 is dead. */
    public static final IntField HP = TYPE.intField("hp");
    public static final IntField KILLS = TYPE.intField("kills");
    public static final IntField DEATHS = TYPE.intField("deaths");
    /** While dead: milliseconds until it respawns; 0 while alive. */
    public static final IntField RESPAWN_MS = TYPE.intField("respawnMs");

    private Avatar() {
    }
}
