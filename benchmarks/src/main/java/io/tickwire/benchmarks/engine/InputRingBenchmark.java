package io.tickwire.benchmarks.engine;

import io.tickwire.engine.input.InputHandler;
import io.tickwire.engine.input.InputRing;
import io.tickwire.engine.input.InputRingOptions;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Input intake throughput, in inputs per microsecond (x 1,000,000 = per second), with 16-byte payloads:
 * {@code publishThenDrain} publishes batches of 1,024 and drains them on one thread (the cost of both sides
 * without contention); {@code crossThread} is one producer thread publishing while the consumer thread
 * drains, counting accepted and refused (ring full) publishes separately.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class InputRingBenchmark {
    static final int BATCH = 1024;

    private final InputRing ring = new InputRing(InputRingOptions.builder().ringSize(1 << 14).maxPayloadBytes(16).build());
    private final byte[] payload = new byte[16];
    private long sequence;
    private long consumed;
    private final InputHandler consumer = event -> consumed += event.payloadLength();

    /** Counts per producer: published and refused. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Outcomes {
        public long published;
        public long refused;

        @Setup(Level.Iteration)
        public void reset() {
            published = 0;
            refused = 0;
        }
    }

    @Benchmark
    @Group("publishThenDrain")
    @OperationsPerInvocation(BATCH)
    public long publishThenDrain() {
        for (int i = 0; i < BATCH; i++) {
            ring.publishInput(1, 2, sequence++, payload, 0, payload.length);
        }
        return ring.drain(consumer);
    }

    @Benchmark
    @Group("crossThread")
    @GroupThreads(1)
    public void producer(Outcomes outcomes) {
        if (ring.publishInput(1, 2, sequence++, payload, 0, payload.length)) {
            outcomes.published++;
        } else {
            outcomes.refused++;
        }
    }

    @Benchmark
    @Group("crossThread")
    @GroupThreads(1)
    public int drainer() {
        return ring.drain(consumer);
    }
}
