package io.tickwire.loadtest;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;
import io.tickwire.engine.ecs.Entity;
import io.tickwire.engine.snapshot.ReplicatedState;
import io.tickwire.engine.snapshot.SnapshotDecoder;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.core.buffer.ArrayBufferInput;

import java.io.IOException;

/**
 * A game client's copy of the match state: decodes each {@code state} snapshot, full or delta, with the
 * engine's {@link SnapshotDecoder}, onto the state it is based on. The server bases a delta on the tick the
 * bot last reported in an input, so only reported states can be bases: the tracker keeps the last
 * {@value #KEPT_REPORTS} reported ones (0.8 s of reports at 10 inputs a second, so a server that lags a little
 * can still send deltas) and the latest, and decodes into a free slot, the most recently written one. Reusing
 * warm memory matters: a thousand bots that each cycled through sixteen states spent more on cache misses
 * than on decoding. Reads the arena's clock entity (slot {@value ArenaGame#CLOCK_ENTITY_SLOT}) from the
 * latest state. The decoding tools are the thread's, shared by every bot of an event loop, for the same
 * reason. Allocates nothing per snapshot in steady state.
 *
 * <p>Not thread-safe: one per bot, on its event loop.
 */
final class SnapshotTracker {
    static final int KEPT_REPORTS = 8;
    /** The reported states, the latest, the base of the snapshot being decoded and the one decoded into. */
    private static final int SLOTS = KEPT_REPORTS + 3;

    /** What {@link #accept} made of a snapshot. */
    enum Outcome { FULL, DELTA, UNKNOWN_BASE, MALFORMED }

    /** The decoding tools, one set per thread: shared by the bots of an event loop, so they stay in the cache. */
    private static final FastThreadLocal<Reader> READERS = new FastThreadLocal<>() {
        @Override
        protected Reader initialValue() {
            return new Reader();
        }
    };

    private final ReplicatedState[] states = new ReplicatedState[SLOTS];
    /** Per slot: the number of the report that carried its tick, -1 if never reported. */
    private final long[] reportNumber = new long[SLOTS];
    /** Per slot: when it was last decoded into (a count of decodes), to reuse the warmest free slot. */
    private final long[] decodeNumber = new long[SLOTS];
    private long reports;
    private long decodes;
    /** The latest state's slot, -1 for none. */
    private int latest = -1;

    SnapshotTracker() {
        for (int i = 0; i < SLOTS; i++) {
            states[i] = new ReplicatedState();
            reportNumber[i] = -1;
        }
    }

    /**
     * Decodes {@code snapshot} (borrows: its readable bytes, not kept; indexes not moved) onto the state it
     * is based on. On {@link Outcome#UNKNOWN_BASE} the latest state is forgotten, so the next report is -1 and
     * the server answers with a full snapshot; on {@link Outcome#MALFORMED} the latest state stays.
     */
    Outcome accept(ByteBuf snapshot) {
        Reader reader = READERS.get();
        long baseTick;
        try {
            MessageUnpacker unpacker = reader.start(snapshot);
            unpacker.unpackArrayHeader();
            unpacker.unpackLong();
            baseTick = unpacker.unpackLong();
        } catch (IOException | RuntimeException e) {
            return Outcome.MALFORMED;
        }
        ReplicatedState base = baseTick < 0 ? null : stateAt(baseTick);
        if (baseTick >= 0 && base == null) {
            latest = -1;
            return Outcome.UNKNOWN_BASE;
        }
        int slot = freeSlot(base);
        ReplicatedState target = states[slot];
        try {
            reader.decoder.decode(base, reader.restart(), target);
        } catch (IOException | RuntimeException e) {
            target.clear(-1);
            return Outcome.MALFORMED;
        }
        latest = slot;
        reportNumber[slot] = -1;
        decodeNumber[slot] = ++decodes;
        return baseTick < 0 ? Outcome.FULL : Outcome.DELTA;
    }

    /** The tick of the latest state, -1 for none. */
    long latestTick() {
        return latest < 0 ? -1 : states[latest].tick();
    }

    /**
     * The tick to report in an input ({@code ackedTick}): that of the latest state, -1 for none. The state is
     * kept as a possible base until {@value #KEPT_REPORTS} newer states have been reported.
     */
    long reportLatest() {
        if (latest < 0) {
            return -1;
        }
        if (reportNumber[latest] < 0) {
            reportNumber[latest] = ++reports;
        }
        return states[latest].tick();
    }

    /** Forgets every state (after a reconnection the server starts again with a full snapshot). */
    void reset() {
        latest = -1;
        for (int i = 0; i < SLOTS; i++) {
            states[i].clear(-1);
            reportNumber[i] = -1;
        }
    }

    /** The arena clock's value in the latest state, epoch microseconds, or -1 if it has none. */
    long serverEpochMicros() {
        if (latest < 0) {
            return -1;
        }
        ReplicatedState state = states[latest];
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
        for (ReplicatedState state : states) {
            if (state.tick() == tick) {
                return state;
            }
        }
        return null;
    }

    /** An unpacker over a copy of the snapshot being decoded, and the engine's decoder. One thread only. */
    private static final class Reader {
        final SnapshotDecoder decoder = new SnapshotDecoder();
        final ArrayBufferInput input = new ArrayBufferInput(new byte[0]);
        final MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(input);
        byte[] bytes = new byte[512];
        int length;

        /** Copies {@code snapshot}'s readable bytes (borrowed) and reads them from the start. */
        MessageUnpacker start(ByteBuf snapshot) throws IOException {
            length = snapshot.readableBytes();
            if (bytes.length < length) {
                bytes = new byte[Math.max(length, bytes.length * 2)];
            }
            snapshot.getBytes(snapshot.readerIndex(), bytes, 0, length);
            return restart();
        }

        /** Reads the copied snapshot again from its start. */
        MessageUnpacker restart() throws IOException {
            input.reset(bytes, 0, length);
            unpacker.reset(input);
            return unpacker;
        }
    }

    /** The most recently written slot that is neither {@code base}, the latest nor among the kept reports. */
    private int freeSlot(ReplicatedState base) {
        int best = -1;
        for (int i = 0; i < SLOTS; i++) {
            boolean kept = reportNumber[i] > 0 && reportNumber[i] > reports - KEPT_REPORTS;
            if (i != latest && states[i] != base && !kept && (best < 0 || decodeNumber[i] > decodeNumber[best])) {
                best = i;
            }
        }
        return best;
    }
}
