package io.tickwire.sample.arena;

import io.tickwire.engine.ecs.ComponentType;
import io.tickwire.engine.ecs.IntField;

/**
 * Replicated, on the match's second entity: which round is on, whether it is being played or its results
 * shown, and how long that lasts still.
 */
public final class RoundState {
    /** {@link #PHASE} while players fight. */
    public static final int PLAYING = 0;
    /** {@link #PHASE} while the results are shown; nobody moves or shoots. */
    public static final int RESULTS = 1;

    public static final ComponentType TYPE = ComponentType.builder("round").intField("number").intField("phase")
            .intField("msLeft").replicated().build();
    /** 1 for the first round of the match. */
    public static final IntField NUMBER = TYPE.intField("number");
    public static final IntField PHASE = TYPE.intField("phase");
    /** Milliseconds until the phase ends. */
    public static final IntField MS_LEFT = TYPE.intField("msLeft");

    private RoundState() {
    }
}
