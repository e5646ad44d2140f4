package io.tickwire.engine.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tickwire.engine.loop.ManualNanoClock;
import io.tickwire.engine.loop.TickLoopOptions;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatchRegistryTest {
    private static final long PERIOD = 1_000_000_000L / 60;

    private final ManualNanoClock clock = new ManualNanoClock(0);
    private final Map<String, RecordingOutbox> outboxes = new HashMap<>();
    private final List<String> errors = new ArrayList<>();
    private final MatchRegistry registry = MatchRegistry.builder()
            .loopThreads(2)
            .tickLoop(TickLoopOptions.defaults())
            .clock(clock)
            .outboxes(handle -> outboxes.computeIfAbsent(handle.id(), id -> new RecordingOutbox()))
            .errorHandler((match, error) -> errors.add(match.id() + ": " + error.getMessage()))
            .build();

    /** A match that records what it was told, as text. */
    static class ScriptedMatch implements Match {
        final List<String> log = new ArrayList<>();
        String refusal;
        RuntimeException failOnTick;

        @Override
        public JoinDecision onJoinAttempt(MatchContext ctx, int playerId, ByteBuffer joinData) {
            log.add("attempt " + playerId + " " + StandardCharsets.UTF_8.decode(joinData));
            return refusal == null ? JoinDecision.ACCEPT : JoinDecision.refuse(refusal);
        }

        @Override
        public void onJoin(MatchContext ctx, int playerId) {
            log.add("join " + playerId);
        }

        @Override
        public void onLeave(MatchContext ctx, int playerId, LeaveReason reason) {
            log.add("leave " + playerId + " " + reason);
        }

        @Override
        public void onTick(MatchContext ctx, Inputs inputs) {
            for (int i = 0; i < inputs.size(); i++) {
                log.add("tick " + ctx.tick() + " input p" + inputs.playerId(i) + " #" + inputs.sequence(i) + " "
                        + StandardCharsets.UTF_8.decode(inputs.payload(i)));
            }
            if (failOnTick != null) {
                throw failOnTick;
            }
        }

        @Override
        public void onInputDropped(MatchContext ctx, int playerId, long sequence, ByteBuffer payload) {
            log.add("dropped p" + playerId + " #" + sequence + " "
                    + StandardCharsets.UTF_8.decode(payload));
        }

        @Override
        public void onAck(MatchContext ctx, int playerId, long ackToken, AckStatus status, ByteBuffer reply) {
            log.add("ack " + playerId + " token " + ackToken + " " + status + " " + StandardCharsets.UTF_8.decode(reply));
        }

        @Override
        public void onShutdown(MatchContext ctx, long drainTimeoutMs) {
            log.add("shutdown " + drainTimeoutMs + " ms with " + ctx.players().count() + " players");
            byte[] results = bytes("won");
            ctx.outbox().sendWithAck(ctx.players().id(0), "results", results, 0, results.length, 9, 1000);
        }

        @Override
        public void onDispose(MatchContext ctx) {
            log.add("dispose");
        }
    }

    private void tick() {
        registry.doWork();
        clock.advanceNanos(PERIOD);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private MatchHandle createWithPlayers(String id, ScriptedMatch match, MatchOptions options, int... players) {
        MatchHandle handle = registry.create(id, options, match);
        for (int player : players) {
            assertTrue(handle.requestJoin(player, new byte[0], 0, 0, null));
        }
        tick();
        return handle;
    }

    @Test
    void handsEachMatchItsInputsInArrivalOrderWithPlayerAndSequence() {
        ScriptedMatch match = new ScriptedMatch();
        MatchHandle handle = createWithPlayers("m", match, MatchOptions.defaults(), 1, 2);
        match.log.clear();

        handle.publishInput(2, 41, bytes("left"), 0, 4);
        handle.publishInput(1, 7, bytes("jump"), 0, 4);
        handle.publishInput(2, 42, bytes("fire"), 0, 4);
        tick();

        assertEquals(List.of("tick 1 input p2 #41 left", "tick 1 input p1 #7 jump", "tick 1 input p2 #42 fire"), match.log);
        assertEquals(3, registry.loopStats(handle.loopIndex()).inputs());
    }

    @Test
    void dropsAndCountsInputsBeyondThePerPlayerCapAndFromPlayersNotInTheMatch() {
        ScriptedMatch match = new ScriptedMatch();
        MatchHandle handle = createWithPlayers("m", match,
                MatchOptions.builder().maxInputsPerPlayerPerTick(2).build(), 1, 2);
        match.log.clear();

        for (int seq = 0; seq < 4; seq++) {
            handle.publishInput(1, seq, bytes("a"), 0, 1);
        }
        handle.publishInput(2, 0, bytes("b"), 0, 1);
        handle.publishInput(99, 0, bytes("c"), 0, 1);
        tick();
        handle.publishInput(1, 4, bytes("a"), 0, 1);
        tick();

        assertEquals(List.of("dropped p1 #2 a", "dropped p1 #3 a", "tick 1 input p1 #0 a",
                "tick 1 input p1 #1 a", "tick 1 input p2 #0 b", "tick 2 input p1 #4 a"), match.log,
                "the cap is per tick; the game hears of its players' dropped inputs before onTick, not of strangers'");
        assertEquals(3, registry.loopStats(handle.loopIndex()).droppedInputs());
    }

    @Test
    void joinAttemptsMayBeRefusedByTheGameOrBecauseTheMatchIsFull() {
        ScriptedMatch match = new ScriptedMatch();
        MatchHandle handle = registry.create("m", MatchOptions.builder().maxPlayers(1).build(), match);
        List<String> results = new ArrayList<>();
        JoinListener listener = (player, decision) -> results.add(player + " " + (decision.accepted() ? "ok" : decision.reason()));

        handle.requestJoin(1, bytes("alice"), 0, 5, listener);
        handle.requestJoin(1, bytes("alice"), 0, 5, listener);
        handle.requestJoin(2, bytes("bob"), 0, 3, listener);
        tick();
        match.refusal = "banned";
        handle.leave(1, LeaveReason.LEFT);
        handle.requestJoin(3, bytes("eve"), 0, 3, listener);
        tick();

        assertEquals(List.of("1 ok", "1 already joined", "2 full", "3 banned"), results);
        assertEquals(List.of("attempt 1 alice", "join 1", "leave 1 LEFT", "attempt 3 eve"), match.log);
        assertEquals(0, handle.playerCount());
    }

    @Test
    void anExceptionInOneMatchIsReportedAndDoesNotStopTheOthers() {
        ScriptedMatch broken = new ScriptedMatch();
        ScriptedMatch healthy = new ScriptedMatch();
        MatchHandle a = createWithPlayers("broken", broken, MatchOptions.defaults(), 1);
        MatchHandle b = createWithPlayers("healthy", healthy, MatchOptions.defaults(), 1);
        assertEquals(a.loopIndex(), b.loopIndex() == 0 ? 1 : 0, "sharded over the two loops");
        broken.failOnTick = new IllegalStateException("bug in game code");

        for (int i = 0; i < 3; i++) {
            b.publishInput(1, i, bytes("x"), 0, 1);
            a.publishInput(1, i, bytes("x"), 0, 1);
            tick();
        }

        assertEquals(3, healthy.log.stream().filter(line -> line.contains("input")).count());
        assertEquals(3, broken.log.stream().filter(line -> line.contains("input")).count(), "it keeps ticking");
        assertEquals(List.of("broken: bug in game code", "broken: bug in game code", "broken: bug in game code"), errors);
        assertTrue(outboxes.get("broken").sent.contains("flush"), "its output is still flushed");
    }

    @Test
    void anErrorFromGameCodeIsNotSwallowed() {
        ScriptedMatch match = new ScriptedMatch() {
            @Override
            public void onTick(MatchContext ctx, Inputs inputs) {
                throw new StackOverflowError("fatal");
            }
        };
        registry.create("m", MatchOptions.defaults(), match);
        assertThrows(StackOverflowError.class, registry::doWork);
        assertEquals(List.of(), errors);
    }

    @Test
    void disposesAMatchEmptyForTheConfiguredTime() {
        ScriptedMatch match = new ScriptedMatch();
        MatchHandle handle = createWithPlayers("m", match, MatchOptions.builder().emptyDisposeAfterMs(1000).build(), 1);
        clock.advanceMillis(5000);
        tick();
        assertSame(handle, registry.find("m"), "not empty");

        handle.leave(1, LeaveReason.DISCONNECTED);
        tick();
        clock.advanceMillis(999 - PERIOD / 1_000_000);
        tick();
        assertFalse(handle.isDisposed());
        clock.advanceMillis(2);
        tick();

        assertTrue(handle.isDisposed());
        assertNull(registry.find("m"));
        assertEquals("dispose", match.log.get(match.log.size() - 1));
    }

    @Test
    void countsPublishesRefusedBecauseThePayloadIsTooLarge() {
        MatchHandle handle = createWithPlayers("m", new ScriptedMatch(), MatchOptions.defaults(), 1);
        assertFalse(handle.publishInput(1, 0, new byte[257], 0, 257), "default maxPayloadBytes is 256");
        assertEquals(1, registry.refusedPublishes(handle.loopIndex()));
    }

    @Test
    void runsEachLoopOnItsOwnThreadWithTheConfiguredIdleStrategyOnceStarted() throws InterruptedException {
        java.util.concurrent.CountDownLatch ticked = new java.util.concurrent.CountDownLatch(20);
        java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger idleCalls = new java.util.concurrent.atomic.AtomicInteger();
        try (MatchRegistry live = MatchRegistry.builder().loopThreads(2).outboxes(handle -> new RecordingOutbox())
                .idleStrategy(loop -> new org.agrona.concurrent.IdleStrategy() {
                    @Override
                    public void idle(int workCount) {
                        if (workCount == 0) {
                            idle();
                        }
                    }

                    @Override
                    public void idle() {
                        idleCalls.incrementAndGet();
                        java.util.concurrent.locks.LockSupport.parkNanos(100_000);
                    }

                    @Override
                    public void reset() {
                    }
                }).build()) {
            for (String id : List.of("a", "b")) {
                live.create(id, MatchOptions.defaults(), new ScriptedMatch() {
                    @Override
                    public void onTick(MatchContext ctx, Inputs inputs) {
                        threads.add(Thread.currentThread().getName());
                        ticked.countDown();
                    }
                });
            }
            live.start();
            assertTrue(ticked.await(10, java.util.concurrent.TimeUnit.SECONDS));
        }
        assertEquals(java.util.Set.of("tickwire-loop-0", "tickwire-loop-1"), threads);
        assertTrue(idleCalls.get() > 0, "the configured idle strategy ran between ticks");
    }

    @Test
    void findsAndListsMatchesByLabelsAndRefusesADuplicateId() {
        registry.create("a", MatchOptions.builder().labels(Map.of("mode", "ffa", "region", "eu")).build(), new ScriptedMatch());
        registry.create("b", MatchOptions.builder().labels(Map.of("mode", "ctf", "region", "eu")).build(), new ScriptedMatch());

        assertEquals(List.of("a"), registry.list(Map.of("mode", "ffa")).stream().map(MatchHandle::id).toList());
        assertEquals(2, registry.list(Map.of("region", "eu")).size());
        assertEquals(2, registry.list(Map.of()).size());
        assertEquals("b", registry.find("b").id());
        assertThrows(IllegalArgumentException.class, () -> registry.create("a", MatchOptions.defaults(), new ScriptedMatch()));
    }

    @Test
    void kickRemovesThePlayerAndTellsTheOutbox() {
        ScriptedMatch match = new ScriptedMatch() {
            @Override
            public void onTick(MatchContext ctx, Inputs inputs) {
                if (inputs.size() > 0) {
                    ctx.kick(inputs.playerId(0));
                }
            }
        };
        MatchHandle handle = createWithPlayers("m", match, MatchOptions.defaults(), 5);
        handle.publishInput(5, 0, bytes("cheat"), 0, 5);
        tick();

        assertEquals(List.of("attempt 5 ", "join 5", "leave 5 KICKED"), match.log);
        assertTrue(outboxes.get("m").sent.contains("removed 5 KICKED"));
        assertEquals(0, handle.playerCount());
    }

    @Test
    void sendsThroughTheOutboxAndFlushesOncePerTickAndAckOutcomesComeBackOnTheLoop() {
        ScriptedMatch match = new ScriptedMatch() {
            @Override
            public void onTick(MatchContext ctx, Inputs inputs) {
                if (ctx.tick() == 1) {
                    byte[] hello = bytes("hello");
                    ctx.outbox().send(1, "welcome", hello, 0, hello.length, Delivery.RELIABLE);
                    ctx.outbox().broadcast("state", hello, 0, 2, Delivery.VOLATILE);
                    ctx.outbox().sendWithAck(1, "reward", hello, 0, hello.length, 77, 5000);
                }
            }
        };
        MatchHandle handle = createWithPlayers("m", match, MatchOptions.defaults(), 1);
        tick();
        handle.publishAckResult(1, 77, AckStatus.ACKED, bytes("thanks"), 0, 6);
        tick();

        assertEquals(List.of("flush", "send 1 welcome hello RELIABLE", "broadcast state he VOLATILE",
                "ack-send 1 reward token 77 timeout 5000", "flush", "flush"), outboxes.get("m").sent);
        assertTrue(match.log.contains("ack 1 token 77 ACKED thanks"));
    }

    @Test
    void inputsForADisposedMatchAreDroppedAndLateJoinsRefused() {
        ScriptedMatch match = new ScriptedMatch();
        MatchHandle handle = createWithPlayers("m", match, MatchOptions.defaults(), 1);
        handle.dispose();
        tick();
        assertTrue(handle.isDisposed());
        assertTrue(match.log.containsAll(List.of("leave 1 MATCH_DISPOSED", "dispose")));

        ScriptedMatch successor = new ScriptedMatch();
        createWithPlayers("n", successor, MatchOptions.defaults(), 1);
        long droppedBefore = registry.loopStats(handle.loopIndex()).droppedInputs();
        handle.publishInput(1, 0, bytes("stale"), 0, 5);
        List<String> results = new ArrayList<>();
        handle.requestJoin(2, new byte[0], 0, 0, (player, decision) -> results.add(decision.reason()));
        tick();

        assertEquals(List.of("attempt 1 ", "join 1"), successor.log, "a stale key never reaches a newer match in a reused slot");
        assertEquals(List.of("no such match"), results);
        assertEquals(droppedBefore + 1, registry.loopStats(handle.loopIndex()).droppedInputs());
    }

    @Test
    void aShutdownIsAnnouncedOnceOnTheLoopAndWhatTheGameSendsLeavesThatTick() {
        ScriptedMatch match = new ScriptedMatch();
        MatchHandle handle = createWithPlayers("m", match, MatchOptions.defaults(), 1);
        outboxes.get("m").sent.clear();
        assertTrue(handle.announceShutdown(5000));
        assertTrue(handle.announceShutdown(5000));
        assertFalse(handle.hasHeardShutdown(), "not before the loop ran");
        tick();

        assertTrue(handle.hasHeardShutdown());
        assertEquals(List.of("shutdown 5000 ms with 1 players"), match.log.stream().filter(l -> l.startsWith("shutdown")).toList(),
                "heard once");
        assertEquals(List.of("ack-send 1 results token 9 timeout 1000", "flush"), outboxes.get("m").sent);
    }

    @Test
    void aGameThatThrowsOnShutdownIsReportedAndCountsAsHavingHeardIt() {
        ScriptedMatch match = new ScriptedMatch() {
            @Override
            public void onShutdown(MatchContext ctx, long drainTimeoutMs) {
                throw new IllegalStateException("no results today");
            }
        };
        MatchHandle handle = createWithPlayers("m", match, MatchOptions.defaults(), 1);
        handle.announceShutdown(1000);
        tick();
        assertTrue(handle.hasHeardShutdown());
        assertEquals(List.of("m: no results today"), errors);

        MatchHandle gone = createWithPlayers("n", new ScriptedMatch(), MatchOptions.defaults());
        gone.dispose();
        tick();
        assertTrue(gone.hasHeardShutdown(), "a disposed match has nothing left to hear");
    }
}
