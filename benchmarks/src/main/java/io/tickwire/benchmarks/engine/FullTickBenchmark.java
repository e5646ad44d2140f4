package io.tickwire.benchmarks.engine;

import io.tickwire.engine.ecs.World;
import io.tickwire.engine.ecs.WorldOptions;
import io.tickwire.engine.loop.ManualNanoClock;
import io.tickwire.engine.loop.TickLoopOptions;
import io.tickwire.engine.match.MatchHandle;
import io.tickwire.engine.match.MatchOptions;
import io.tickwire.engine.match.MatchRegistry;
import java.nio.ByteBuffer;
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
 * One tick of a 10,000-entity world with five systems, in microseconds: the systems alone
 * ({@code worldUpdate}), and the whole loop-thread tick of a hosted match ({@code matchTick}: publish and drain
 * 32 inputs, apply them, run the systems, and on every third tick capture and encode a delta snapshot of all
 * 10,000 moving entities).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
public class FullTickBenchmark {
    private World world;
    private long tick;
    private ManualNanoClock clock;
    private MatchRegistry registry;
    private MatchHandle match;
    private long period;
    private final byte[] steer = new byte[8];
    private long sequence;

    @Setup
    public void setUp() {
        world = new World(WorldOptions.builder().entityCapacity(BenchArena.ENTITIES).build());
        BenchArena.populate(world);

        clock = new ManualNanoClock(0);
        registry = MatchRegistry.builder().clock(clock).outboxes(handle -> new BenchArena.DiscardingOutbox()).build();
        match = registry.create("bench", MatchOptions.builder().maxPlayers(BenchArena.PLAYERS)
                .world(WorldOptions.builder().entityCapacity(BenchArena.ENTITIES).build()).build(), new BenchArena());
        for (int player = 0; player < BenchArena.PLAYERS; player++) {
            match.requestJoin(player, new byte[0], 0, 0, null);
        }
        ByteBuffer.wrap(steer).putFloat(0, 1.5f).putFloat(4, -2f);
        period = TickLoopOptions.defaults().tickPeriodNanos();
        registry.doWork();
    }

    @Benchmark
    public void worldUpdate() {
        world.update(tick++, 1f / 60);
    }

    @Benchmark
    public int matchTick() {
        for (int player = 0; player < BenchArena.PLAYERS; player++) {
            match.publishInput(player, sequence++, steer, 0, steer.length);
            match.publishInput(player, sequence++, steer, 0, steer.length);
        }
        clock.advanceNanos(period);
        return registry.doWork();
    }
}
