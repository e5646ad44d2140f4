package io.tickwire.net.match;

import io.tickwire.engine.ecs.ComponentType;
import io.tickwire.engine.ecs.Entity;
import io.tickwire.engine.ecs.FloatField;
import io.tickwire.engine.match.Inputs;
import io.tickwire.engine.match.LeaveReason;
import io.tickwire.engine.match.Match;
import io.tickwire.engine.match.MatchContext;
import io.tickwire.engine.snapshot.GridInterest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The interest-management test game: each player is a dot on a line, the n-th to join placed at
 * x = 1000 n; an input (a 4-byte int) moves the sender's dot to that x. Players see dots within
 * {@link #VIEW_DISTANCE} of their own ({@link GridInterest}).
 */
final class FieldGame implements Match {
    static final ComponentType DOT = ComponentType.builder("dot").floatField("x").floatField("y").replicated().build();
    static final FloatField X = DOT.floatField("x");
    static final FloatField Y = DOT.floatField("y");
    static final float VIEW_DISTANCE = 100f;

    /** Player id to its dot's entity handle; read by tests from any thread. */
    final Map<Integer, Integer> dots = new ConcurrentHashMap<>();
    private int joined;

    @Override
    public void onCreate(MatchContext ctx) {
        ctx.setInterest(new GridInterest(ctx.world(), X, Y, VIEW_DISTANCE,
                player -> dots.getOrDefault(player, Entity.NONE)));
    }

    @Override
    public void onJoin(MatchContext ctx, int playerId) {
        int dot = ctx.world().create();
        ctx.world().add(dot, DOT);
        ctx.world().setFloat(dot, X, 1000f * joined++);
        dots.put(playerId, dot);
    }

    @Override
    public void onLeave(MatchContext ctx, int playerId, LeaveReason reason) {
        Integer dot = dots.remove(playerId);
        if (dot != null) {
            ctx.world().destroy(dot);
        }
    }

    @Override
    public void onTick(MatchContext ctx, Inputs inputs) {
        for (int i = 0; i < inputs.size(); i++) {
            Integer dot = dots.get(inputs.playerId(i));
            if (dot != null && !MatchActions.isAction(inputs, i)) {
                ctx.world().setFloat(dot, X, inputs.payload(i).getInt(0));
            }
        }
    }
}
