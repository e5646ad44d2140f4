package io.tickwire.loadtest;

import io.tickwire.engine.ecs.Entity;
import io.tickwire.engine.snapshot.ReplicatedState;
import io.tickwire.engine.snapshot.SnapshotDecoder;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.core.buffer.ArrayBufferInput;

import java.io.IOException;

/**
 * A game client's copy of the match state: decodes each {@code state} snapshot, full or delta, with the
 * engine's {@link SnapshotDecoder}, and keeps the states a delta may be based on: the latest and the last
 * {@value #PINNED} whose ticks were reported to the server ({@link #pinLatest()}). Reads the arena's clock
 * entity (slot {@value ArenaGame#CLOCK_ENTITY_SLOT}) from the latest state. Allocates nothing per snapshot in
 * steady state.
 *
 * <p>Not thread-safe: one per bot, on its event loop.
 */
final class SnapshotTracker {
    static final int PINNED = 4;

    /** What {@link #accept} made of a snapshot. */
    enum Outcome { FULL, DELTA, UNKNOWN_BASE, MALFORMED }

    private final SnapshotDecoder decoder = new SnapshotDecoder();
    private final ArrayBufferInput input = new ArrayBufferInput(new byte[0]);
    private final MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(input);
    private final ReplicatedState[] pinned = new ReplicatedState[PINNED];
    private ReplicatedState latest = new ReplicatedState();
    private ReplicatedState scratch = new ReplicatedState();
    private int nextPinned;

    SnapshotTracker() {
        for (int i = 0; i < PINNED; i++) {
            pinned[i] = new ReplicatedState();
        }
    }

    /**
     * Decodes {@code snapshot} (borrowed, not kept) onto the state it is based on. On
     * {@link Outcome#UNKNOWN_BASE} the latest state is dropped, so the next report is -1 and the server
     * answers with a full snapshot; on {@link Outcome#MALFORMED} nothing changes.
     */
    Outcome accept(byte[] snapshot) {
        long baseTick;
        ReplicatedState base;
        try {
            input.reset(snapshot);
            unpacker.reset(input);
            unpacker.unpackArrayHeader();
            unpacker.unpackLong();
            baseTick = unpacker.unpackLong();
            base = baseTick < 0 ? null : stateAt(baseTick);
            if (baseTick >= 0 && base == null) {
                latest.clear(-1);
                return Outcome.UNKNOWN_BASE;
            }
            input.reset(snapshot);
            unpacker.reset(input);
            decoder.decode(base, unpacker, scratch);
        } catch (IOException | RuntimeException e) {
            return Outcome.MALFORMED;
        }
        ReplicatedState previous = latest;
        latest = scratch;
        scratch = previous;
        return baseTick < 0 ? Outcome.FULL : Outcome.DELTA;
    }

    /** The tick of the latest state, -1 for none: what the next input reports as {@code ackedTick}. */
    long latestTick() {
        return latest.tick();
    }

    /** Keeps the latest state as a possible delta base: call when its tick is reported to the server. */
    void pinLatest() {
        long tick = latest.tick();
        if (tick >= 0 && pinned[(nextPinned + PINNED - 1) % PINNED].tick() != tick) {
            pinned[nextPinned].copyFrom(latest);
            nextPinned = (nextPinned + 1) % PINNED;
        }
    }

    /** Forgets every state (after a reconnection the server starts again with a full snapshot). */
    void reset() {
        latest.clear(-1);
        for (ReplicatedState state : pinned) {
            state.clear(-1);
        }
    }

    /** The arena clock's value in the latest state, epoch microseconds, or -1 if it has none. */
    long serverEpochMicros() {
        for (int r = 0; r < latest.recordCount(); r++) {
            int slot = Entity.index(latest.entity(r));
            if (slot == ArenaGame.CLOCK_ENTITY_SLOT) {
                return latest.value(r, 0);
            }
            if (slot > ArenaGame.CLOCK_ENTITY_SLOT) {
                return -1;
            }
        }
        return -1;
    }

    private ReplicatedState stateAt(long tick) {
        if (latest.tick() == tick) {
            return latest;
        }
        for (ReplicatedState state : pinned) {
            if (state.tick() == tick) {
                return state;
            }
        }
        return null;
    }
}
