package io.tickwire.engine.loop;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.Test;

class TickLoopThreadTest {
    @Test
    void ticksOnTimeWithTheSystemClockWithoutBurningACore() {
        SystemNanoClock clock = new SystemNanoClock();
        AtomicLong ticks = new AtomicLong();
        TickLoop loop = new TickLoop(TickLoopOptions.builder().simulationHz(100).snapshotHz(10).build(), clock,
                (tick, snapshotDue) -> ticks.incrementAndGet(), Throwable::printStackTrace);
        long startNanos = System.nanoTime();
        long cpuNanos;
        try (TickLoopThread runner = TickLoopThread.start(loop, new DeadlineIdleStrategy(loop, clock,
                DeadlineIdleStrategy.DEFAULT_SPIN_NANOS), "test-loop")) {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (ticks.get() < 50 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            cpuNanos = ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                    .getThreadCpuTime(runner.thread().getId());
            assertTrue(runner.thread().isAlive());
        }
        long wallNanos = System.nanoTime() - startNanos;
        assertTrue(ticks.get() >= 50, "50 ticks at 100 Hz within 5 s, got " + ticks.get());
        assertTrue(cpuNanos < wallNanos / 2, "the idle loop thread used " + cpuNanos / 1_000_000 + " ms of CPU in "
                + wallNanos / 1_000_000 + " ms");
        assertFalse(loop.stats().ticks() > 0 && loop.stats().skippedTicks() > loop.stats().ticks() / 2,
                "the loop kept up: " + loop.stats().skippedTicks() + " skipped");
    }
}
