package io.tickwire.net.match;

import io.tickwire.engine.loop.TickLoopOptions;
import io.tickwire.engine.match.MatchRegistry;
import io.tickwire.net.testing.NodeProcess;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.tickwire.net.match.GameHarness.await;
import static io.tickwire.net.match.GameHarness.number;
import static io.tickwire.net.match.GameHarness.request;
import static io.tickwire.net.match.GameHarness.text;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A player that stops reading: once its connection is past the high water mark its state is dropped each
 * tick (nothing more is queued to it), while the other player keeps getting every snapshot.
 */
class SlowClientTest {
    private static final int SNAPSHOT_HZ = 60;

    @Test
    void aClientThatStopsReadingLosesVolatileStateWithoutSlowingTheOthers() throws Exception {
        List<TickReport> reports = new CopyOnWriteArrayList<>();
        MatchRegistry.Builder registry = MatchRegistry.builder()
                .tickLoop(TickLoopOptions.builder().simulationHz(60).snapshotHz(SNAPSHOT_HZ).build());
        // 4,000 ballast entities: each full snapshot is ~40 KB, ~2.4 MB/s per client that never acknowledges
        try (GameHarness h = new GameHarness(GameServerOptions.defaults(), 4_000, 300, registry, reports::add)) {
            NodeProcess ann = h.player("ann");
            NodeProcess bob = h.player("bob");
            String matchId = text(request(ann, "joinOrCreate duel"), "matchId");
            request(bob, "join " + matchId);
            await(ann, "state", l -> true);

            ann.send("stopReading");
            await(ann, "paused", l -> true);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (h.games.volatileDrops() < 2 * SNAPSHOT_HZ && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(h.games.volatileDrops() >= 2 * SNAPSHOT_HZ,
                    "ann's state is dropped once her connection is full: " + h.games.volatileDrops());

            reports.clear();
            while (reports.size() < SNAPSHOT_HZ && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            long fromTick = reports.get(0).tick();
            String first = await(bob, "state", l -> number(l, "tick") >= fromTick);
            String last = await(bob, "state", l -> number(l, "tick") >= fromTick + SNAPSHOT_HZ);
            long ticks = number(last, "tick") - number(first, "tick");
            long received = number(last, "states") - number(first, "states");
            assertTrue(received >= ticks * 9 / 10, "bob got (nearly) every snapshot meanwhile: " + first + " .. " + last);

            // bytes and drops are counted when the event loops have written, so sum over the window
            int observed = reports.size();
            long packets = reports.stream().mapToLong(TickReport::packetsOut).sum();
            long drops = reports.stream().mapToLong(TickReport::volatileDrops).sum();
            assertTrue(packets <= observed + 2, "nothing is queued to ann, only to bob: " + packets + " in " + observed + " ticks");
            assertTrue(drops >= observed - 2, "ann's state is dropped every snapshot tick: " + drops + " in " + observed + " ticks");
        }
    }
}
