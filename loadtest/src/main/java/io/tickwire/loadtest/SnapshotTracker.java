package io.tickwire.loadtest;

import io.netty.buffer.ByteBuf;
import io.tickwire.engine.ecs.Entity;
import io.tickwire.engine.snapshot.ReplicatedState;
import io.tickwire.engine.snapshot.SnapshotDecoder;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.core.buffer.ArrayBufferInput;

import java.io.IOException;

/**
 * A game client's copy of the match state: decodes each {@code state} snapshot, full or delta, with the
 * engine's {@link SnapshotDecoder}, into a ring of the last {@value #HISTORY} states, any of which a delta may
 * be based on (the server bases on the tick the bot last reported, which lags its latest state by the round
 * trip; at 20 snapshots a second the ring covers 0.8 s of it). Decoding goes into the ring's oldest slot, so
 * keeping a state costs no copy. Reads the arena's clock entity (slot {@value ArenaGame#CLOCK_ENTITY_SLOT})
 * from the latest state. Allocates nothing per snapshot in steady state.
 *
 * <p>Not thread-safe: one per bot, on its event loop.
 */
final class SnapshotTracker {
    static final int HISTORY = 16;

    /** What {@link #accept} made of a snapshot. */
    enum Outcome { FULL, DELTA, UNKNOWN_BASE, MALFORMED }

    private final SnapshotDecoder decoder = new SnapshotDecoder();
    private final ArrayBufferInput input = new ArrayBufferInput(new byte[0]);
    /** The snapshot being decoded, copied out of the borrowed frame. */
    private byte[] bytes = new byte[512];
    private final MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(input);
    private final ReplicatedState[] history = new ReplicatedState[HISTORY];
    /** The latest state's slot in {@link #history}, -1 for none. */
    private int latest = -1;
    /** The slot the next snapshot is decoded into: the oldest. */
    private int next;

    SnapshotTracker() {
        for (int i = 0; i < HISTORY; i++) {
            history[i] = new ReplicatedState();
        }
    }

    /**
     * Decodes {@code snapshot} (borrows: its readable bytes, not kept; indexes not moved) onto the state it
     * is based on. On
     * {@link Outcome#UNKNOWN_BASE} the latest state is forgotten, so the next report is -1 and the server
     * answers with a full snapshot; on {@link Outcome#MALFORMED} the latest state stays.
     */
    Outcome accept(ByteBuf snapshot) {
        int length = snapshot.readableBytes();
        if (bytes.length < length) {
            bytes = new byte[Math.max(length, bytes.length * 2)];
        }
        snapshot.getBytes(snapshot.readerIndex(), bytes, 0, length);
        long baseTick;
        ReplicatedState base;
        try {
            input.reset(bytes, 0, length);
            unpacker.reset(input);
            unpacker.unpackArrayHeader();
            unpacker.unpackLong();
            baseTick = unpacker.unpackLong();
        } catch (IOException | RuntimeException e) {
            return Outcome.MALFORMED;
        }
        base = baseTick < 0 ? null : stateAt(baseTick);
        if (baseTick >= 0 && base == null) {
            latest = -1;
            return Outcome.UNKNOWN_BASE;
        }
        int slot = history[next] == base ? (next + 1) % HISTORY : next;
        ReplicatedState target = history[slot];
        try {
            input.reset(bytes, 0, length);
            unpacker.reset(input);
            decoder.decode(base, unpacker, target);
        } catch (IOException | RuntimeException e) {
            target.clear(-1);
            return Outcome.MALFORMED;
        }
        latest = slot;
        next = (slot + 1) % HISTORY;
        return baseTick < 0 ? Outcome.FULL : Outcome.DELTA;
    }

    /** The tick of the latest state, -1 for none: what the next input reports as {@code ackedTick}. */
    long latestTick() {
        return latest < 0 ? -1 : history[latest].tick();
    }

    /** Forgets every state (after a reconnection the server starts again with a full snapshot). */
    void reset() {
        latest = -1;
        for (ReplicatedState state : history) {
            state.clear(-1);
        }
    }

    /** The arena clock's value in the latest state, epoch microseconds, or -1 if it has none. */
    long serverEpochMicros() {
        if (latest < 0) {
            return -1;
        }
        ReplicatedState state = history[latest];
        for (int r = 0; r < state.recordCount(); r++) {
            int slot = Entity.index(state.entity(r));
            if (slot == ArenaGame.CLOCK_ENTITY_SLOT) {
                return state.value(r, 0);
            }
            if (slot > ArenaGame.CLOCK_ENTITY_SLOT) {
                return -1;
            }
        }
        return -1;
    }

    private ReplicatedState stateAt(long tick) {
        for (ReplicatedState state : history) {
            if (state.tick() == tick) {
                return state;
            }
        }
        return null;
    }
}
