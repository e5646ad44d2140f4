package io.tickwire.benchmarks.engine;

import io.tickwire.engine.ecs.World;
import io.tickwire.engine.ecs.WorldOptions;
import io.tickwire.engine.snapshot.PackBuffer;
import io.tickwire.engine.snapshot.SnapshotHistory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Capturing the replicated state of 10,000 entities (positions of all, health of a quarter) and encoding it
 * as msgpack: in full, and as a delta after a tick in which every position changed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
public class SnapshotBenchmark {
    private World world;
    private SnapshotHistory history;
    private final PackBuffer buffer = new PackBuffer(1 << 16);
    private long tick;

    @Setup
    public void setUp() {
        world = new World(WorldOptions.builder().entityCapacity(BenchArena.ENTITIES).build());
        BenchArena.populate(world);
        history = new SnapshotHistory(world, 8);
    }

    @Benchmark
    public int captureAndWriteDelta() {
        long base = tick;
        world.update(++tick, 1f / 60);
        history.capture(tick);
        history.writeLatest(base, buffer.begin().packer());
        return buffer.finish().length();
    }

    @Benchmark
    public int captureAndWriteFull() {
        history.capture(++tick);
        history.writeLatest(-1, buffer.begin().packer());
        return buffer.finish().length();
    }
}
