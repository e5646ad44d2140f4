package io.tickwire.engine.match;

import io.tickwire.engine.input.InputEvent;
import io.tickwire.engine.input.InputHandler;
import io.tickwire.engine.input.InputKind;
import io.tickwire.engine.input.InputRing;
import io.tickwire.engine.input.InputRingOptions;
import io.tickwire.engine.loop.TickLoop;
import io.tickwire.engine.loop.TickLoopOptions;
import io.tickwire.engine.loop.TickStats;
import io.tickwire.engine.loop.TickTask;
import java.util.Arrays;
import org.agrona.concurrent.NanoClock;

/**
 * One loop thread's share of the matches: its input ring, its tick loop, and the matches it hosts for their
 * whole life. Each tick it drains the ring, routing every event to its match by key (slot and generation, so
 * an event for a disposed match is dropped rather than reaching a newer match in the same slot), then ticks
 * each match and disposes those empty for too long.
 *
 * <p>{@link #reserveKey} and {@link #releaseKey} may be called from any thread (synchronized, rare); all else
 * runs on the loop thread.
 */
final class MatchHost implements TickTask, InputHandler {
    static final int ATTACH = 1;
    static final int DISPOSE = 2;
    static final int SHUTDOWN = 3;
    private static final int SLOT_BITS = 16;
    private static final int SLOT_MASK = (1 << SLOT_BITS) - 1;
    private static final int MAX_GENERATION = (1 << (Integer.SIZE - 1 - SLOT_BITS)) - 1;
    private static final LeaveReason[] LEAVE_REASONS = LeaveReason.values();

    private final int index;
    private final InputRing ring;
    private final TickLoop loop;
    private final NanoClock clock;
    private final MatchRegistry registry;
    private MatchRunner[] runners = new MatchRunner[16];
    private int[] generations = new int[16];
    private int[] freeSlots = new int[16];
    private int freeCount;
    private int slotCount;
    private volatile int matchCount;
    private int inputsThisTick;
    private int droppedThisTick;

    MatchHost(int index, TickLoopOptions loopOptions, InputRingOptions ringOptions, NanoClock clock,
            MatchRegistry registry) {
        this.index = index;
        this.clock = clock;
        this.registry = registry;
        this.ring = new InputRing(ringOptions);
        this.loop = new TickLoop(loopOptions, clock, this, Throwable::printStackTrace);
    }

    int index() {
        return index;
    }

    InputRing ring() {
        return ring;
    }

    TickLoop loop() {
        return loop;
    }

    TickStats stats() {
        return loop.stats();
    }

    int matchCount() {
        return matchCount;
    }

    long nowNanos() {
        return clock.nanoTime();
    }

    synchronized int reserveKey() {
        int slot;
        if (freeCount > 0) {
            slot = freeSlots[--freeCount];
        } else {
            if (slotCount > SLOT_MASK) {
                throw new IllegalStateException("loop " + index + " hosts " + (SLOT_MASK + 1) + " matches already");
            }
            slot = slotCount++;
            if (slot == generations.length) {
                generations = Arrays.copyOf(generations, slot * 2);
                freeSlots = Arrays.copyOf(freeSlots, slot * 2);
            }
        }
        int generation = generations[slot] == MAX_GENERATION ? 1 : generations[slot] + 1;
        generations[slot] = generation;
        matchCount++;
        return (generation << SLOT_BITS) | slot;
    }

    synchronized void releaseKey(int key) {
        freeSlots[freeCount++] = key & SLOT_MASK;
        matchCount--;
    }

    @Override
    public void tick(long tick, boolean snapshotDue) {
        inputsThisTick = 0;
        droppedThisTick = 0;
        ring.drain(this);
        TickStats stats = loop.stats();
        stats.recordInputs(inputsThisTick);
        if (droppedThisTick > 0) {
            stats.recordDroppedInputs(droppedThisTick);
        }
        long now = clock.nanoTime();
        for (int slot = 0; slot < runners.length; slot++) {
            MatchRunner runner = runners[slot];
            if (runner != null) {
                runner.runTick(tick, snapshotDue);
                if (runner.emptyLongEnough(now)) {
                    dispose(runner);
                }
            }
        }
    }

    @Override
    public void onEvent(InputEvent event) {
        int slot = event.matchKey() & SLOT_MASK;
        if (event.kind() == InputKind.CONTROL && event.code() == ATTACH) {
            attach(slot, (MatchRunner) event.attachment());
            return;
        }
        MatchRunner runner = slot < runners.length ? runners[slot] : null;
        if (runner == null || runner.handle().key() != event.matchKey()) {
            if (event.kind() == InputKind.INPUT) {
                droppedThisTick++;
            } else if (event.kind() == InputKind.JOIN && event.attachment() != null) {
                ((JoinListener) event.attachment()).onJoinResult(event.playerId(), JoinDecision.refuse("no such match"));
            }
            return;
        }
        switch (event.kind()) {
            case INPUT -> {
                if (runner.input(event)) {
                    inputsThisTick++;
                } else {
                    droppedThisTick++;
                }
            }
            case JOIN -> runner.join(event);
            case LEAVE -> runner.removePlayer(event.playerId(), LEAVE_REASONS[event.code()]);
            case ACK_RESULT -> runner.ackResult(event);
            case CONTROL -> {
                if (event.code() == DISPOSE) {
                    dispose(runner);
                } else if (event.code() == SHUTDOWN) {
                    runner.shutdown(event.sequence());
                }
            }
            default -> {
            }
        }
    }

    private void attach(int slot, MatchRunner runner) {
        if (slot >= runners.length) {
            runners = Arrays.copyOf(runners, Math.max(slot + 1, runners.length * 2));
        }
        runners[slot] = runner;
        runner.create(clock.nanoTime());
    }

    private void dispose(MatchRunner runner) {
        MatchHandle handle = runner.handle();
        runners[handle.key() & SLOT_MASK] = null;
        try {
            runner.dispose();
        } finally {
            handle.disposed = true;
            registry.removed(handle);
            releaseKey(handle.key());
        }
    }
}
