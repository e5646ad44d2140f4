package io.tickwire.loadtest;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every bot of a loop sends once a period, at its own phase, from one timer. */
class InputPacerTest {
    private static final long PERIOD_MS = 100;

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final InputPacer pacer = new InputPacer(channel.eventLoop(), TimeUnit.MILLISECONDS.toNanos(PERIOD_MS));
    private final List<String> sent = new ArrayList<>();

    InputPacerTest() {
        channel.freezeTime(); // only advanceTimeBy moves the loop's clock, however slow the machine
    }

    @Test
    void runsEachMemberOncePerPeriodInTheOrderOfTheirPhases() {
        pacer.add(() -> sent.add("late"), TimeUnit.MILLISECONDS.toNanos(80));
        pacer.add(() -> sent.add("early"), TimeUnit.MILLISECONDS.toNanos(10));
        advance(PERIOD_MS);
        assertEquals(List.of("early", "late"), sent);
        advance(PERIOD_MS);
        assertEquals(List.of("early", "late", "early", "late"), sent);
    }

    @Test
    void aLoopThatRanLateSendsWhatWasDueAtOnceButNoMoreThanAPeriodsWorth() {
        pacer.add(() -> sent.add("a"), TimeUnit.MILLISECONDS.toNanos(10));
        pacer.add(() -> sent.add("b"), TimeUnit.MILLISECONDS.toNanos(60));
        channel.advanceTimeBy(PERIOD_MS, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertEquals(List.of("a", "b"), sent, "one late timer run sends both");
        channel.advanceTimeBy(5 * PERIOD_MS, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertEquals(List.of("a", "b", "a", "b"), sent, "five periods late: one period's sends, not five");
    }

    @Test
    void aRemovedMemberSendsNoMoreAndTheTimerStopsWithTheLastOne() {
        Runnable only = () -> sent.add("only");
        pacer.add(only, 0);
        advance(PERIOD_MS);
        assertEquals(1, sent.size());
        pacer.remove(only);
        advance(3 * PERIOD_MS);
        assertEquals(1, sent.size(), "nothing after its removal");
        assertEquals(-1, channel.runScheduledPendingTasks(), "no timer left on the loop");
    }

    private void advance(long millis) {
        for (long t = 0; t < millis; t++) {
            channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
            channel.runScheduledPendingTasks();
        }
    }
}
