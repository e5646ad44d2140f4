package io.tickwire.engine.match;

import io.tickwire.engine.input.InputEvent;
import java.nio.ByteBuffer;

/**
 * The loop-thread side of one hosted match: calls the game's lifecycle callbacks in order, collects its inputs
 * for the tick under the per-player cap, and isolates its failures from the other matches of the loop.
 */
final class MatchRunner {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();
    private static final AckStatus[] ACK_STATUSES = AckStatus.values();

    private final MatchHandle handle;
    private final Match match;
    private final Outbox outbox;
    private final MatchContext ctx;
    private final Inputs inputs;
    private final MatchErrorHandler errors;
    private final int inputCap;
    private final long emptyDisposeAfterNanos;
    private long emptySinceNanos;

    MatchRunner(MatchHandle handle, Match match, Outbox outbox, MatchErrorHandler errors, float deltaSeconds,
            int maxPayloadBytes) {
        MatchOptions options = handle.options();
        this.handle = handle;
        this.match = match;
        this.outbox = outbox;
        this.errors = errors;
        this.ctx = new MatchContext(this, handle, outbox, deltaSeconds);
        this.inputCap = options.maxInputsPerPlayerPerTick();
        this.inputs = new Inputs(options.maxPlayers() * inputCap, maxPayloadBytes);
        this.emptyDisposeAfterNanos = options.emptyDisposeAfterMs() * 1_000_000L;
    }

    MatchHandle handle() {
        return handle;
    }

    void create(long nowNanos) {
        emptySinceNanos = nowNanos;
        try {
            match.onCreate(ctx);
        } catch (Exception e) {
            errors.onError(handle, e);
        }
    }

    /**
     * Queues an input for this tick; false if dropped (unknown player, per-player cap reached), in which case
     * a player of the match has the game told through {@link Match#onInputDropped}.
     */
    boolean input(InputEvent event) {
        int playerId = event.playerId();
        if (ctx.players().admitInput(playerId, inputCap) && inputs.add(event)) {
            return true;
        }
        if (ctx.players().contains(playerId)) {
            try {
                match.onInputDropped(ctx, playerId, event.sequence(), event.payload());
            } catch (Exception e) {
                errors.onError(handle, e);
            }
        }
        return false;
    }

    void join(InputEvent event) {
        int playerId = event.playerId();
        JoinListener listener = (JoinListener) event.attachment();
        Players players = ctx.players();
        JoinDecision decision;
        if (players.contains(playerId)) {
            decision = JoinDecision.refuse("already joined");
        } else if (players.isFull()) {
            decision = JoinDecision.refuse("full");
        } else {
            try {
                decision = match.onJoinAttempt(ctx, playerId, event.payload());
                if (decision == null) {
                    decision = JoinDecision.refuse("refused");
                }
            } catch (Exception e) {
                errors.onError(handle, e);
                decision = JoinDecision.refuse("error");
            }
        }
        if (decision.accepted()) {
            players.add(playerId);
            handle.playerCount = players.count();
            try {
                match.onJoin(ctx, playerId);
            } catch (Exception e) {
                errors.onError(handle, e);
            }
        }
        if (listener != null) {
            try {
                listener.onJoinResult(playerId, decision);
            } catch (Exception e) {
                errors.onError(handle, e);
            }
        }
    }

    boolean removePlayer(int playerId, LeaveReason reason) {
        if (!ctx.players().remove(playerId)) {
            return false;
        }
        handle.playerCount = ctx.players().count();
        if (ctx.views() != null) {
            ctx.views().forget(playerId);
        }
        if (ctx.players().count() == 0) {
            emptySinceNanos = handle.host().nowNanos();
        }
        try {
            match.onLeave(ctx, playerId, reason);
        } catch (Exception e) {
            errors.onError(handle, e);
        }
        if (reason == LeaveReason.KICKED || reason == LeaveReason.MATCH_DISPOSED) {
            try {
                outbox.playerRemoved(playerId, reason);
            } catch (Exception e) {
                errors.onError(handle, e);
            }
        }
        return true;
    }

    void ackResult(InputEvent event) {
        try {
            match.onAck(ctx, event.playerId(), event.sequence(), ACK_STATUSES[event.code()],
                    event.payloadLength() == 0 ? EMPTY : event.payload());
        } catch (Exception e) {
            errors.onError(handle, e);
        }
    }

    /** Runs the game's tick; an exception skips the rest of this match's tick, not the flush. */
    void runTick(long tick, boolean snapshotDue) {
        ctx.tick = tick;
        try {
            match.onTick(ctx, inputs);
            ctx.world().update(tick, ctx.deltaSeconds());
            if (snapshotDue) {
                match.onSnapshot(ctx);
            }
        } catch (Exception e) {
            errors.onError(handle, e);
        } finally {
            inputs.clear();
            ctx.players().resetInputCounts();
        }
        try {
            outbox.flush();
        } catch (Exception e) {
            errors.onError(handle, e);
        }
    }

    /** The server shuts down: the game hears it once; the handle tells others it did, even if it threw. */
    void shutdown(long drainTimeoutMs) {
        if (handle.shutdownHeard) {
            return;
        }
        try {
            match.onShutdown(ctx, drainTimeoutMs);
        } catch (Exception e) {
            errors.onError(handle, e);
        } finally {
            handle.shutdownHeard = true;
        }
    }

    boolean emptyLongEnough(long nowNanos) {
        return emptyDisposeAfterNanos > 0 && ctx.players().count() == 0
                && nowNanos - emptySinceNanos >= emptyDisposeAfterNanos;
    }

    void dispose() {
        Players players = ctx.players();
        while (players.count() > 0) {
            removePlayer(players.id(players.count() - 1), LeaveReason.MATCH_DISPOSED);
        }
        try {
            match.onDispose(ctx);
        } catch (Exception e) {
            errors.onError(handle, e);
        }
    }
}
