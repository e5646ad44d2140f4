package io.tickwire.engine.loop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.Test;

class TickLoopThreadTest {
    @Test
    void startsTicksCloseToTheirDeadlinesWithoutBurningACore() throws InterruptedException {
        SystemNanoClock clock = new SystemNanoClock();
        AtomicLong ticks = new AtomicLong();
        CountDownLatch hundredTicks = new CountDownLatch(100);
        Histogram lateness = new Histogram(1_000_000_000L, 3);
        TickLoop[] self = new TickLoop[1];
        TickLoop loop = new TickLoop(TickLoopOptions.builder().simulationHz(100).snapshotHz(10).build(), clock,
                (tick, snapshotDue) -> {
                    if (tick > 0) {
                        lateness.recordValue(Math.max(0, clock.nanoTime() - self[0].nextDeadlineNanos()));
                    }
                    ticks.incrementAndGet();
                    hundredTicks.countDown();
                }, Throwable::printStackTrace);
        self[0] = loop;
        long startNanos = System.nanoTime();
        long cpuNanos;
        try (TickLoopThread runner = TickLoopThread.start(loop, new DeadlineIdleStrategy(loop, clock,
                DeadlineIdleStrategy.DEFAULT_SPIN_NANOS), "test-loop")) {
            hundredTicks.await(10, TimeUnit.SECONDS);
            cpuNanos = ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                    .getThreadCpuTime(runner.thread().getId());
        }
        long wallNanos = System.nanoTime() - startNanos;
        System.out.printf("100 Hz loop thread: tick start after deadline p50 %d us, p99 %d us, max %d us; "
                + "CPU %d ms in %d ms wall%n", lateness.getValueAtPercentile(50) / 1000,
                lateness.getValueAtPercentile(99) / 1000, lateness.getMaxValue() / 1000, cpuNanos / 1_000_000,
                wallNanos / 1_000_000);
        assertTrue(ticks.get() >= 100, "100 ticks at 100 Hz within 10 s, got " + ticks.get());
        assertTrue(lateness.getValueAtPercentile(50) < 1_000_000, "half the ticks start within 1 ms of their deadline");
        assertTrue(cpuNanos < wallNanos / 2, "the idle loop thread used " + cpuNanos / 1_000_000 + " ms of CPU in "
                + wallNanos / 1_000_000 + " ms");
    }
}
