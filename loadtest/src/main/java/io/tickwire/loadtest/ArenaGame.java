package io.tickwire.loadtest;

import io.tickwire.engine.ecs.ComponentType;
import io.tickwire.engine.ecs.FloatField;
import io.tickwire.engine.ecs.IntField;
import io.tickwire.engine.ecs.LongField;
import io.tickwire.engine.match.Inputs;
import io.tickwire.engine.match.LeaveReason;
import io.tickwire.engine.match.Match;
import io.tickwire.engine.match.MatchContext;
import io.tickwire.net.match.InputRules;
import io.tickwire.net.match.MatchActions;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The game scenario's match: players move on a plane by their inputs. Documented in loadtest/README.md
 * ("The arena game"); the bots ({@link GameBot}) rely on its wire shape.
 *
 * <ul>
 *   <li>Entity slot 0 is the clock, created first: component {@link #CLOCK}, one long field, the server's
 *       wall clock in epoch microseconds, set in {@code onSnapshot} just before the snapshot is captured, so
 *       every snapshot (full or delta) carries the time it was taken.</li>
 *   <li>One entity per player: component {@link #BODY}: {@code player} (int), {@code x}, {@code y} (float32).</li>
 *   <li>An input is {@value #INPUT_BYTES} bytes, {@code dx, dy} each -1, 0 or 1: the player moves
 *       {@value #SPEED_PER_SECOND} units per second along each non-zero axis until its next input.</li>
 *   <li>An action {@code [1]} is answered with the player's position: 8 bytes, {@code x, y} as float32.</li>
 * </ul>
 *
 * <p>Threading: the match's loop thread only, as every {@link Match}.
 */
final class ArenaGame implements Match {
    static final String MODE = "arena";
    static final int CLOCK_ENTITY_SLOT = 0;
    static final int INPUT_BYTES = 2;
    static final byte ACTION_WHERE_AM_I = 1;
    static final float SPEED_PER_SECOND = 5f;
    static final ComponentType CLOCK = ComponentType.builder("clock").longField("epochMicros").replicated().build();
    static final LongField CLOCK_EPOCH_MICROS = CLOCK.longField("epochMicros");
    static final ComponentType BODY = ComponentType.builder("body").intField("player").floatField("x")
            .floatField("y").replicated().build();
    static final IntField BODY_PLAYER = BODY.intField("player");
    static final FloatField BODY_X = BODY.floatField("x");
    static final FloatField BODY_Y = BODY.floatField("y");

    /** Accepts inputs of exactly {@value #INPUT_BYTES} bytes whose axes are -1, 0 or 1. */
    static InputRules inputRules() {
        return InputRules.fixedSize(INPUT_BYTES)
                .validatedBy(in -> Math.abs(in.get(0)) <= 1 && Math.abs(in.get(1)) <= 1);
    }

    private final WallClock clock;
    private final byte[] reply = new byte[8];
    private final ByteBuffer replyView = ByteBuffer.wrap(reply);
    private int clockEntity;
    private int[] playerIds = new int[8];
    private int[] bodies = new int[8];
    private byte[] directions = new byte[16];
    private int players;

    ArenaGame(WallClock clock) {
        this.clock = clock;
    }

    @Override
    public void onCreate(MatchContext ctx) {
        clockEntity = ctx.world().create();
        ctx.world().add(clockEntity, CLOCK);
    }

    @Override
    public void onJoin(MatchContext ctx, int playerId) {
        if (players == playerIds.length) {
            playerIds = Arrays.copyOf(playerIds, players * 2);
            bodies = Arrays.copyOf(bodies, players * 2);
            directions = Arrays.copyOf(directions, players * 4);
        }
        int body = ctx.world().create();
        ctx.world().add(body, BODY);
        ctx.world().setInt(body, BODY_PLAYER, playerId);
        playerIds[players] = playerId;
        bodies[players] = body;
        directions[2 * players] = 0;
        directions[2 * players + 1] = 0;
        players++;
    }

    @Override
    public void onLeave(MatchContext ctx, int playerId, LeaveReason reason) {
        int i = indexOf(playerId);
        if (i < 0) {
            return;
        }
        ctx.world().destroy(bodies[i]);
        players--;
        playerIds[i] = playerIds[players];
        bodies[i] = bodies[players];
        directions[2 * i] = directions[2 * players];
        directions[2 * i + 1] = directions[2 * players + 1];
    }

    @Override
    public void onTick(MatchContext ctx, Inputs inputs) {
        for (int n = 0; n < inputs.size(); n++) {
            int i = indexOf(inputs.playerId(n));
            if (i < 0) {
                continue;
            }
            ByteBuffer payload = inputs.payload(n);
            if (!MatchActions.isAction(inputs, n)) {
                directions[2 * i] = payload.get(0);
                directions[2 * i + 1] = payload.get(1);
            } else if (payload.remaining() > 0 && payload.get(0) == ACTION_WHERE_AM_I) {
                replyView.putFloat(0, ctx.world().getFloat(bodies[i], BODY_X));
                replyView.putFloat(4, ctx.world().getFloat(bodies[i], BODY_Y));
                MatchActions.reply(ctx, inputs, n, reply, 0, reply.length);
            } else {
                MatchActions.reply(ctx, inputs, n, reply, 0, 0);
            }
        }
        float step = SPEED_PER_SECOND * ctx.deltaSeconds();
        for (int i = 0; i < players; i++) {
            if (directions[2 * i] != 0) {
                ctx.world().setFloat(bodies[i], BODY_X, ctx.world().getFloat(bodies[i], BODY_X) + step * directions[2 * i]);
            }
            if (directions[2 * i + 1] != 0) {
                ctx.world().setFloat(bodies[i], BODY_Y, ctx.world().getFloat(bodies[i], BODY_Y) + step * directions[2 * i + 1]);
            }
        }
    }

    @Override
    public void onSnapshot(MatchContext ctx) {
        ctx.world().setLong(clockEntity, CLOCK_EPOCH_MICROS, (long) (clock.epochMillis() * 1000));
    }

    private int indexOf(int playerId) {
        for (int i = 0; i < players; i++) {
            if (playerIds[i] == playerId) {
                return i;
            }
        }
        return -1;
    }
}
