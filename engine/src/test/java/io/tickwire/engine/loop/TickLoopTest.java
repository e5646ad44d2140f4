package io.tickwire.engine.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TickLoopTest {
    private static final long PERIOD = 1_000_000_000L / 60;

    private final ManualNanoClock clock = new ManualNanoClock(5_000_000_000L);
    private final List<Long> ticks = new ArrayList<>();
    private final List<Long> snapshotTicks = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();
    private TickTask task = (tick, snapshotDue) -> {
        ticks.add(tick);
        if (snapshotDue) {
            snapshotTicks.add(tick);
        }
    };
    private final TickLoop loop = new TickLoop(TickLoopOptions.builder().simulationHz(60).snapshotHz(20).maxCatchUpTicks(3)
            .build(), clock, (tick, snapshotDue) -> task.tick(tick, snapshotDue), errors::add);

    @Test
    void runsTheFirstTickAtOnceThenOneTickPerPeriod() {
        assertEquals(1, loop.doWork());
        assertEquals(0, loop.doWork(), "tick 1 is not due yet");
        clock.advanceNanos(PERIOD - 1);
        assertEquals(0, loop.doWork());
        clock.advanceNanos(1);
        assertEquals(1, loop.doWork());
        assertEquals(List.of(0L, 1L), ticks);
    }

    @Test
    void deadlinesComeFromTheStartTimeSoLateWakeUpsDoNotDrift() {
        long start = clock.nanoTime();
        loop.doWork();
        for (int i = 1; i <= 600; i++) {
            clock.setNanos(start + i * PERIOD + PERIOD / 2);
            assertEquals(1, loop.doWork(), "one tick per period even when woken half a period late");
        }
        assertEquals(601, ticks.size());
        assertEquals(start + 601 * PERIOD, loop.nextDeadlineNanos(), "tick 601 is due exactly 601 periods after start");
    }

    @Test
    void catchesUpLateTicksBackToBackUpToTheBoundThenSkipsAndCountsTheRest() {
        loop.doWork();
        clock.advanceNanos(2 * PERIOD);
        assertEquals(2, loop.doWork(), "two missed deadlines caught up");

        clock.advanceNanos(10 * PERIOD);
        assertEquals(3, loop.doWork(), "at most maxCatchUpTicks at once");
        assertEquals(7, loop.stats().skippedTicks());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), ticks, "tick numbers stay consecutive");
        assertEquals(0, loop.doWork(), "the schedule moved forward: nothing more is due");
    }

    @Test
    void countsATickThatEndsAfterTheNextDeadlineAsAnOverrun() {
        task = (tick, snapshotDue) -> {
            if (tick == 1) {
                clock.advanceNanos(PERIOD + 1);
            }
        };
        loop.doWork();
        clock.advanceNanos(PERIOD);
        loop.doWork();

        assertEquals(1, loop.stats().overruns());
        assertEquals(2, loop.stats().ticks());
        assertEquals(PERIOD + 1, loop.stats().takeTickDurations().getMaxValue(), 0.001 * PERIOD);
    }

    @Test
    void snapshotTicksFollowTheSnapshotRate() {
        for (int i = 0; i < 9; i++) {
            loop.doWork();
            clock.advanceNanos(PERIOD);
        }
        assertEquals(List.of(0L, 3L, 6L), snapshotTicks, "20 Hz snapshots at 60 Hz simulation");
    }

    @Test
    void reportsAnExceptionFromATickAndKeepsTicking() {
        IllegalStateException failure = new IllegalStateException("boom");
        task = (tick, snapshotDue) -> {
            ticks.add(tick);
            if (tick == 0) {
                throw failure;
            }
        };
        loop.doWork();
        clock.advanceNanos(PERIOD);
        loop.doWork();

        assertEquals(List.of(0L, 1L), ticks);
        assertEquals(List.of(failure), errors);
    }

    @Test
    void neverSwallowsAnError() {
        AssertionError fatal = new AssertionError("out of memory, say");
        task = (tick, snapshotDue) -> {
            throw fatal;
        };
        assertSame(fatal, assertThrows(AssertionError.class, loop::doWork));
        assertEquals(List.of(), errors);
    }

    @Test
    void optionsAreValidatedWithTheOptionName() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TickLoopOptions.builder().simulationHz(60).snapshotHz(25).build());
        assertEquals(true, error.getMessage().contains("snapshotHz"));
    }
}
