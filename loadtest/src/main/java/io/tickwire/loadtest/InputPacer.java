package io.tickwire.loadtest;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the periodic sends of every bot of one event loop from a single timer: a wheel of slots spread over
 * one period, each bot in the slot of its phase. A thousand bots with a timer each would make the loop's
 * scheduled-task queue (a binary heap) reschedule ten thousand tasks a second; the wheel runs a fixed
 * handful of timer ticks a second and a plain loop over each slot's bots. A bot's send time is rounded to
 * its slot, at most {@value #MAX_SLOT_MILLIS} ms; when the loop runs late, the slots that are due are run
 * together, up to one period's worth.
 *
 * <p>Threading: the loop's thread only (bots add and remove themselves from their own loop).
 */
final class InputPacer {
    private static final int MAX_SLOT_MILLIS = 5;

    private final EventLoop loop;
    private final long slotNanos;
    private final List<List<Runnable>> slots = new ArrayList<>();
    private ScheduledFuture<?> timer;
    private int current;
    private long nextSlotNanos;
    private int members;

    /** @param periodNanos the period every member is run at */
    InputPacer(EventLoop loop, long periodNanos) {
        this.loop = loop;
        int count = (int) Math.max(1, periodNanos / TimeUnit.MILLISECONDS.toNanos(MAX_SLOT_MILLIS));
        this.slotNanos = periodNanos / count;
        for (int i = 0; i < count; i++) {
            slots.add(new ArrayList<>());
        }
    }

    /** Runs {@code send} once a period from now on, first after about {@code phaseNanos}. */
    void add(Runnable send, long phaseNanos) {
        int slot = (current + 1 + (int) (phaseNanos / slotNanos)) % slots.size();
        slots.get(slot).add(send);
        if (members++ == 0) {
            nextSlotNanos = loop.ticker().nanoTime() + slotNanos;
            timer = loop.scheduleAtFixedRate(this::runDueSlots, slotNanos, slotNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Stops running {@code send}; nothing when it is not a member. */
    void remove(Runnable send) {
        for (List<Runnable> slot : slots) {
            if (slot.remove(send)) {
                if (--members == 0) {
                    timer.cancel(false);
                    timer = null;
                }
                return;
            }
        }
    }

    /**
     * Runs every slot whose time has come. A busy or starved loop runs its timer late, and Netty re-arms a
     * fixed-rate task only once per loop iteration: catching up here keeps each bot at its rate.
     */
    private void runDueSlots() {
        long now = loop.ticker().nanoTime();
        for (int caughtUp = 0; nextSlotNanos - now <= 0 && caughtUp < slots.size(); caughtUp++) {
            nextSlotNanos += slotNanos;
            current = (current + 1) % slots.size();
            List<Runnable> due = slots.get(current);
            for (int i = 0; i < due.size(); i++) {
                due.get(i).run();
            }
        }
        if (nextSlotNanos - now <= 0) {
            nextSlotNanos = now + slotNanos; // more than a period behind: the missed sends are dropped
        }
    }
}
