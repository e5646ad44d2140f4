package io.tickwire.net.match;

import io.tickwire.engine.match.MatchContext;
import io.tickwire.engine.snapshot.PackBuffer;
import io.tickwire.engine.snapshot.SnapshotHistory;
import io.tickwire.net.socketio.SharedEncoding;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.Value;

import java.util.Arrays;
import java.util.List;

/**
 * Sends a match's state on its snapshot ticks: {@code state(snapshot: bytes, lastInputs: [playerId, seq, ...])}
 * as a volatile, uncompressed emit. Each player gets a delta against the tick it last acknowledged (carried
 * in its inputs), or a full snapshot when it acknowledged none, that tick has left the history, or it has
 * just (re)joined. Players sharing a base tick share one encoding: in steady state the whole room gets the
 * same buffers, encoded once per parser kind.
 *
 * <p>Loop thread only. Allocates per snapshot tick and per distinct base tick, never per recipient.
 */
final class StateSender {
    static final String EVENT = "state";

    private long[] baseTicks = new long[8];
    private SharedEncoding[] encodings = new SharedEncoding[8];
    private int groups;

    void send(MatchContext ctx, RoomOutbox room) {
        List<Seat> seats = room.seats();
        if (seats.isEmpty()) {
            return;
        }
        SnapshotHistory history = ctx.snapshots();
        if (history.latest() == null || history.latest().tick() != ctx.tick()) {
            history.capture(ctx.tick());
        }
        ListValue lastInputs = lastInputs(seats);
        try {
            for (int i = 0; i < seats.size(); i++) {
                Seat seat = seats.get(i);
                if (seat.socket == null) {
                    continue;
                }
                long base = seat.needsFullState ? -1 : seat.ackedTick;
                if (base >= 0 && history.find(base) == null) {
                    base = -1;
                }
                if (room.write(seat, encodingFor(base, ctx, room, lastInputs), true) && base < 0) {
                    seat.needsFullState = false;
                }
            }
        } finally {
            for (int g = 0; g < groups; g++) {
                encodings[g].release();
                encodings[g] = null;
            }
            groups = 0;
        }
    }

    private SharedEncoding encodingFor(long base, MatchContext ctx, RoomOutbox room, ListValue lastInputs) {
        for (int g = 0; g < groups; g++) {
            if (baseTicks[g] == base) {
                return encodings[g];
            }
        }
        PackBuffer buffer = ctx.packBuffer().begin();
        ctx.snapshots().writeLatest(base, buffer.packer());
        buffer.finish();
        byte[] snapshot = Arrays.copyOf(buffer.array(), buffer.length());
        SharedEncoding encoding = room.encode(
                ListValue.builder(3).add(EVENT).add(Value.of(snapshot)).add(lastInputs).build());
        if (groups == baseTicks.length) {
            baseTicks = Arrays.copyOf(baseTicks, groups * 2);
            encodings = Arrays.copyOf(encodings, groups * 2);
        }
        baseTicks[groups] = base;
        encodings[groups] = encoding;
        groups++;
        return encoding;
    }

    private static ListValue lastInputs(List<Seat> seats) {
        ListValue.Builder list = ListValue.builder(seats.size() * 2);
        for (int i = 0; i < seats.size(); i++) {
            list.add(seats.get(i).playerId).add(seats.get(i).lastInputSequence);
        }
        return list.build();
    }
}
