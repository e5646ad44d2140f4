package io.tickwire.net.match;

import io.tickwire.engine.match.AckStatus;
import io.tickwire.engine.match.Inputs;
import io.tickwire.engine.match.JoinDecision;
import io.tickwire.engine.match.LeaveReason;
import io.tickwire.engine.match.Match;
import io.tickwire.engine.match.MatchContext;

import java.nio.ByteBuffer;

/**
 * The game's {@link Match} as a {@link GameServer} runs it: every callback is passed on to the game, and
 * around them the server keeps its own books on the loop thread: the last input sequence applied per player,
 * the actions applied this tick (acknowledged at the flush) or dropped over the per-tick cap (refused at
 * once), seats leaving the room, and the state sent on
 * snapshot ticks after the game's own {@code onSnapshot}: shared by the room ({@link StateSender}), or per
 * player when the game set an interest ({@link ViewSender}).
 */
final class HostedMatch implements Match {
    private final Match game;
    private final GameServer server;
    private final StateSender state = new StateSender();
    private ViewSender views;

    HostedMatch(Match game, GameServer server) {
        this.game = game;
        this.server = server;
    }

    private static RoomOutbox room(MatchContext ctx) {
        return (RoomOutbox) ctx.outbox();
    }

    @Override
    public void onCreate(MatchContext ctx) {
        game.onCreate(ctx);
    }

    @Override
    public JoinDecision onJoinAttempt(MatchContext ctx, int playerId, ByteBuffer joinData) {
        return game.onJoinAttempt(ctx, playerId, joinData);
    }

    @Override
    public void onJoin(MatchContext ctx, int playerId) {
        game.onJoin(ctx, playerId);
    }

    @Override
    public void onLeave(MatchContext ctx, int playerId, LeaveReason reason) {
        try {
            game.onLeave(ctx, playerId, reason);
        } finally {
            room(ctx).removeSeat(playerId, reason);
        }
    }

    @Override
    public void onTick(MatchContext ctx, Inputs inputs) {
        RoomOutbox room = room(ctx);
        room.tick(ctx.tick());
        for (int i = 0; i < inputs.size(); i++) {
            long sequence = inputs.sequence(i);
            if (sequence < 0) {
                room.actionApplied(inputs.playerId(i), sequence);
            } else {
                Seat seat = room.seat(inputs.playerId(i));
                if (seat != null && sequence > seat.lastInputSequence) {
                    seat.lastInputSequence = sequence;
                }
            }
        }
        game.onTick(ctx, inputs);
    }

    @Override
    public void onInputDropped(MatchContext ctx, int playerId, long sequence, ByteBuffer payload) {
        try {
            game.onInputDropped(ctx, playerId, sequence, payload);
        } finally {
            if (sequence < 0) {
                room(ctx).actionDropped(playerId, sequence);
            }
        }
    }

    @Override
    public void onSnapshot(MatchContext ctx) {
        game.onSnapshot(ctx);
        if (ctx.interest() == null) {
            state.send(ctx, room(ctx));
        } else {
            if (views == null) {
                views = new ViewSender();
            }
            views.send(ctx, room(ctx));
        }
    }

    @Override
    public void onAck(MatchContext ctx, int playerId, long ackToken, AckStatus status, ByteBuffer reply) {
        try {
            game.onAck(ctx, playerId, ackToken, status, reply);
        } finally {
            server.criticalSettled();
        }
    }

    @Override
    public void onShutdown(MatchContext ctx, long drainTimeoutMs) {
        game.onShutdown(ctx, drainTimeoutMs);
    }

    @Override
    public void onDispose(MatchContext ctx) {
        try {
            game.onDispose(ctx);
        } finally {
            server.matchDisposed(ctx.handle());
        }
    }
}
