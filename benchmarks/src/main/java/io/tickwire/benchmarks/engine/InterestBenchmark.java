package io.tickwire.benchmarks.engine;

import io.tickwire.engine.ecs.Archetype;
import io.tickwire.engine.ecs.Query;
import io.tickwire.engine.ecs.World;
import io.tickwire.engine.ecs.WorldOptions;
import io.tickwire.engine.snapshot.GridInterest;
import io.tickwire.engine.snapshot.PackBuffer;
import io.tickwire.engine.snapshot.PlayerViews;
import io.tickwire.engine.snapshot.ReplicatedState;
import io.tickwire.engine.snapshot.SnapshotHistory;
import io.tickwire.engine.snapshot.VisibleEntities;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Interest management on the loop thread: {@value #PLAYERS} players in the 10,000-entity arena (spread over
 * its 1,000 × 1,000 units), each seeing a square of ±{@value #VIEW_DISTANCE} around its avatar (about 1% of
 * the arena, ~100 entities). One invocation is a snapshot tick: world update, capture, grid index, then per
 * player selection, view capture and a delta against its previous view. Reported per player.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
public class InterestBenchmark {
    static final int PLAYERS = 100;
    static final float VIEW_DISTANCE = 50f;

    private World world;
    private SnapshotHistory history;
    private PlayerViews views;
    private GridInterest interest;
    private final VisibleEntities visible = new VisibleEntities();
    private final PackBuffer buffer = new PackBuffer(1 << 16);
    private long tick;

    @Setup
    public void setUp() {
        world = new World(WorldOptions.builder().entityCapacity(BenchArena.ENTITIES).build());
        BenchArena.populate(world);
        SplittableRandom random = new SplittableRandom(7);
        Query positioned = world.query(BenchArena.POSITION);
        int[] avatars = new int[PLAYERS];
        int next = 0;
        for (int a = 0; a < positioned.archetypeCount(); a++) {
            Archetype t = positioned.archetype(a);
            float[] x = t.floats(BenchArena.X);
            float[] y = t.floats(BenchArena.Y);
            for (int r = 0; r < t.size(); r++) {
                x[r] = (float) random.nextDouble(-500, 500);
                y[r] = (float) random.nextDouble(-500, 500);
                if (next < PLAYERS) {
                    avatars[next++] = t.entities()[r];
                }
            }
        }
        history = new SnapshotHistory(world, 8);
        views = new PlayerViews(world, 8);
        interest = new GridInterest(world, BenchArena.X, BenchArena.Y, VIEW_DISTANCE, player -> avatars[player]);
    }

    @Benchmark
    @OperationsPerInvocation(PLAYERS)
    public int perPlayerViewDeltas() {
        world.update(++tick, 1f / 60);
        ReplicatedState state = history.capture(tick);
        interest.prepare(state);
        int bytes = 0;
        for (int player = 0; player < PLAYERS; player++) {
            visible.clear();
            interest.select(player, visible);
            views.capture(player, state, visible);
            views.writeLatest(player, tick - 1, buffer.begin().packer());
            bytes += buffer.finish().length();
        }
        return bytes;
    }
}
