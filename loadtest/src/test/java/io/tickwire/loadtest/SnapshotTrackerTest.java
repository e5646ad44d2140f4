package io.tickwire.loadtest;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.tickwire.engine.ecs.World;
import io.tickwire.engine.snapshot.PackBuffer;
import io.tickwire.engine.snapshot.ReplicatedState;
import io.tickwire.engine.snapshot.SnapshotEncoder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How a game bot follows the server's snapshots: full, deltas on recent ticks, and what it refuses. */
class SnapshotTrackerTest {
    private final World world = new World();
    private final SnapshotEncoder encoder = new SnapshotEncoder(world);
    private final SnapshotTracker tracker = new SnapshotTracker();
    private final int clock;

    SnapshotTrackerTest() {
        clock = world.create();
        world.add(clock, ArenaGame.CLOCK);
        int body = world.create();
        world.add(body, ArenaGame.BODY);
    }

    @Test
    void readsTheServerClockFromAFullSnapshotThenFromDeltasOnARecentTick() {
        ReplicatedState first = capture(1, 1_000_000);
        assertEquals(SnapshotTracker.Outcome.FULL, tracker.accept(encode(null, first)));
        assertEquals(1, tracker.reportLatest());
        assertEquals(1_000_000, tracker.serverEpochMicros());

        ReplicatedState second = capture(2, 1_050_000);
        assertEquals(SnapshotTracker.Outcome.DELTA, tracker.accept(encode(first, second)));
        ReplicatedState third = capture(3, 1_100_000);
        // the server still bases on tick 1, the last one reported, though the bot holds tick 2 as well
        assertEquals(SnapshotTracker.Outcome.DELTA, tracker.accept(encode(first, third)));
        assertEquals(3, tracker.latestTick());
        assertEquals(1_100_000, tracker.serverEpochMicros());
    }

    @Test
    void keepsTheLastEightReportedStatesHoweverManyUnreportedOnesFollow() {
        ReplicatedState first = followFromTick1To(tracker, SnapshotTracker.KEPT_REPORTS, true);
        ReplicatedState previous = capture(SnapshotTracker.KEPT_REPORTS, 1_000_000 + SnapshotTracker.KEPT_REPORTS * 50_000L);
        for (int tick = SnapshotTracker.KEPT_REPORTS + 1; tick <= 40; tick++) {
            ReplicatedState current = capture(tick, 2_000_000 + tick);
            assertEquals(SnapshotTracker.Outcome.DELTA, tracker.accept(encode(previous, current)));
            previous = current;
        }
        assertEquals(SnapshotTracker.Outcome.DELTA, tracker.accept(encode(first, capture(41, 3_000_000))),
                "tick 1, the eighth report back, is still held after 32 unreported states");
        assertEquals(3_000_000, tracker.serverEpochMicros());
    }

    @Test
    void aStateReportedMoreThanEightReportsAgoMakesRoomForNewOnes() {
        ReplicatedState first = followFromTick1To(tracker, SnapshotTracker.KEPT_REPORTS + 2, true);
        assertEquals(SnapshotTracker.Outcome.UNKNOWN_BASE, tracker.accept(encode(first, capture(41, 3_000_000))),
                "tick 1 was ten reports back: its slot was reused");
    }

    /**
     * A full snapshot of tick 1, then a delta on the previous state for every tick up to {@code last}, each
     * reported (as the input following it would) when {@code report}.
     */
    private ReplicatedState followFromTick1To(SnapshotTracker follower, int last, boolean report) {
        ReplicatedState first = capture(1, 1_000_000);
        assertEquals(SnapshotTracker.Outcome.FULL, follower.accept(encode(null, first)));
        ReplicatedState previous = first;
        for (int tick = 2; tick <= last; tick++) {
            if (report) {
                assertEquals(tick - 1, follower.reportLatest());
            }
            ReplicatedState current = capture(tick, 1_000_000 + tick * 50_000L);
            assertEquals(SnapshotTracker.Outcome.DELTA, follower.accept(encode(previous, current)));
            previous = current;
        }
        if (report) {
            assertEquals(last, follower.reportLatest());
        }
        return first;
    }

    @Test
    void aDeltaOnATickItNeverHeldDropsTheStateSoTheNextReportAsksForAFullOne() {
        ReplicatedState first = capture(1, 1_000_000);
        tracker.accept(encode(null, first));
        ReplicatedState unknown = capture(7, 1_300_000);
        ReplicatedState eighth = capture(8, 1_350_000);
        assertEquals(SnapshotTracker.Outcome.UNKNOWN_BASE, tracker.accept(encode(unknown, eighth)));
        assertEquals(-1, tracker.latestTick());
    }

    @Test
    void bytesThatAreNoSnapshotChangeNothing() {
        tracker.accept(encode(null, capture(1, 1_000_000)));
        assertEquals(SnapshotTracker.Outcome.MALFORMED, tracker.accept(Unpooled.wrappedBuffer(new byte[] {(byte) 0xc1})));
        assertEquals(1, tracker.latestTick());
        assertEquals(1_000_000, tracker.serverEpochMicros());
    }

    private ReplicatedState capture(long tick, long epochMicros) {
        world.setLong(clock, ArenaGame.CLOCK_EPOCH_MICROS, epochMicros);
        ReplicatedState state = new ReplicatedState();
        state.capture(world, tick);
        return state;
    }

    @Test
    void readsOnlyTheReadableBytesOfAFrameSlice() {
        byte[] snapshot = encode(null, capture(3, 3_000_000)).array();
        ByteBuf frame = Unpooled.buffer().writeBytes(new byte[] {9, 9, 9}).writeBytes(snapshot).writeByte(0xc1);
        ByteBuf slice = frame.slice(3, snapshot.length);
        assertEquals(SnapshotTracker.Outcome.FULL, tracker.accept(slice));
        assertEquals(3_000_000, tracker.serverEpochMicros());
        assertEquals(0, slice.readerIndex(), "the borrowed buffer's indexes are left alone");
    }

    private ByteBuf encode(ReplicatedState base, ReplicatedState current) {
        PackBuffer out = new PackBuffer(256).begin();
        encoder.write(base, current, out.packer());
        return Unpooled.wrappedBuffer(out.finish().toByteArray());
    }
}
