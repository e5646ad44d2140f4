package io.tickwire.net.match;

import io.tickwire.engine.match.MatchContext;
import io.tickwire.engine.snapshot.Interest;
import io.tickwire.engine.snapshot.PackBuffer;
import io.tickwire.engine.snapshot.PlayerViews;
import io.tickwire.engine.snapshot.ReplicatedState;
import io.tickwire.engine.snapshot.SnapshotHistory;
import io.tickwire.engine.snapshot.VisibleEntities;
import io.tickwire.net.socketio.SharedEncoding;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.Value;

import java.util.Arrays;
import java.util.List;

/**
 * Sends a match's state on its snapshot ticks when the game set an {@link Interest} (interest management):
 * each connected player gets {@code state(snapshot, [playerId, lastInputSeq])} holding only the entities the
 * interest selects for it, as a delta against the view it acknowledged ({@link PlayerViews}), or in full when
 * it acknowledged none that is still remembered, or has just (re)joined. {@code lastInputs} carries the
 * recipient's own pair only. The same wire format as {@link StateSender}, which serves matches without an
 * interest.
 *
 * <p>Loop thread only. Costs one snapshot encoding and one Socket.IO encoding per player and snapshot tick
 * (allocating per player): what a game pays for per-player views, and only when it asks for them.
 */
final class ViewSender {
    private final VisibleEntities visible = new VisibleEntities();

    void send(MatchContext ctx, RoomOutbox room) {
        List<Seat> seats = room.seats();
        if (seats.isEmpty()) {
            return;
        }
        SnapshotHistory history = ctx.snapshots();
        if (history.latest() == null || history.latest().tick() != ctx.tick()) {
            history.capture(ctx.tick());
        }
        ReplicatedState latest = history.latest();
        Interest interest = ctx.interest();
        PlayerViews views = ctx.views();
        interest.prepare(latest);
        for (int i = 0; i < seats.size(); i++) {
            Seat seat = seats.get(i);
            if (seat.socket == null) {
                continue;
            }
            visible.clear();
            interest.select(seat.playerId, visible);
            views.capture(seat.playerId, latest, visible);
            long base = seat.needsFullState ? -1 : seat.ackedTick;
            PackBuffer buffer = ctx.packBuffer().begin();
            boolean delta = views.writeLatest(seat.playerId, base, buffer.packer());
            buffer.finish();
            ListValue own = ListValue.builder(2).add(seat.playerId).add(seat.lastInputSequence).build();
            SharedEncoding encoding = room.encode(ListValue.builder(3).add(StateSender.EVENT)
                    .add(Value.of(Arrays.copyOf(buffer.array(), buffer.length()))).add(own).build());
            try {
                if (room.write(seat, encoding, true) && !delta) {
                    seat.needsFullState = false;
                }
            } finally {
                encoding.release();
            }
        }
    }
}
