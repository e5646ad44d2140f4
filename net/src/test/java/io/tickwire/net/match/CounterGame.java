package io.tickwire.net.match;

import io.tickwire.engine.ecs.ComponentType;
import io.tickwire.engine.ecs.IntField;
import io.tickwire.engine.match.AckStatus;
import io.tickwire.engine.match.Inputs;
import io.tickwire.engine.match.LeaveReason;
import io.tickwire.engine.match.Match;
import io.tickwire.engine.match.MatchContext;

import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The test game: one replicated counter that inputs (a 4-byte int) add to, plus {@code ballast} replicated
 * entities that never change (to make full snapshots large). Actions: payload {@code [1]} is answered with
 * the counter's value; {@code [2]} makes the server send the player a critical {@code "critical"} message
 * acked within {@code criticalTimeoutMs}; every ack outcome is recorded in {@link #ackOutcomes}. On a shutdown
 * every player gets a last critical message, {@code [99]}.
 */
final class CounterGame implements Match {
    static final ComponentType COUNTER = ComponentType.builder("counter").intField("value").replicated().build();
    static final IntField VALUE = COUNTER.intField("value");
    static final byte ACTION_READ = 1;
    static final byte ACTION_ASK_CRITICAL = 2;

    final Queue<String> ackOutcomes = new ConcurrentLinkedQueue<>();
    volatile long heardShutdownMs = -1;
    private final int ballast;
    private final long criticalTimeoutMs;
    private int counter;
    private long nextToken = 1;

    CounterGame(int ballast, long criticalTimeoutMs) {
        this.ballast = ballast;
        this.criticalTimeoutMs = criticalTimeoutMs;
    }

    @Override
    public void onCreate(MatchContext ctx) {
        counter = ctx.world().create();
        ctx.world().add(counter, COUNTER);
        for (int i = 0; i < ballast; i++) {
            int e = ctx.world().create();
            ctx.world().add(e, COUNTER);
            ctx.world().setInt(e, VALUE, 1_000_000 + i);
        }
    }

    @Override
    public void onJoin(MatchContext ctx, int playerId) {
    }

    @Override
    public void onLeave(MatchContext ctx, int playerId, LeaveReason reason) {
    }

    @Override
    public void onTick(MatchContext ctx, Inputs inputs) {
        for (int i = 0; i < inputs.size(); i++) {
            ByteBuffer payload = inputs.payload(i);
            if (!MatchActions.isAction(inputs, i)) {
                ctx.world().setInt(counter, VALUE, ctx.world().getInt(counter, VALUE) + payload.getInt(0));
            } else if (payload.get(0) == ACTION_READ) {
                byte[] value = ByteBuffer.allocate(4).putInt(ctx.world().getInt(counter, VALUE)).array();
                MatchActions.reply(ctx, inputs, i, value, 0, value.length);
            } else if (payload.get(0) == ACTION_ASK_CRITICAL) {
                byte[] message = {42};
                ctx.outbox().sendWithAck(inputs.playerId(i), "critical", message, 0, 1, nextToken++, criticalTimeoutMs);
            }
        }
    }

    /** Sends every player a last critical {@code "critical"} message, payload {@code [99]}. */
    @Override
    public void onShutdown(MatchContext ctx, long drainTimeoutMs) {
        heardShutdownMs = drainTimeoutMs;
        byte[] last = {99};
        for (int i = 0; i < ctx.players().count(); i++) {
            ctx.outbox().sendWithAck(ctx.players().id(i), "critical", last, 0, 1, nextToken++, criticalTimeoutMs);
        }
    }

    @Override
    public void onAck(MatchContext ctx, int playerId, long ackToken, AckStatus status, ByteBuffer reply) {
        ackOutcomes.add(playerId + ":" + status + ":" + reply.remaining());
    }
}
