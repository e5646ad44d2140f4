package io.tickwire.sample.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tickwire.engine.loop.ManualNanoClock;
import io.tickwire.engine.match.Delivery;
import io.tickwire.engine.match.Inputs;
import io.tickwire.engine.match.JoinDecision;
import io.tickwire.engine.match.Match;
import io.tickwire.engine.match.MatchContext;
import io.tickwire.engine.match.LeaveReason;
import io.tickwire.engine.match.MatchHandle;
import io.tickwire.engine.match.MatchOptions;
import io.tickwire.engine.match.MatchRegistry;
import io.tickwire.engine.match.Outbox;
import io.tickwire.engine.snapshot.ReplicatedState;
import io.tickwire.sample.arena.ArenaRules;
import io.tickwire.sample.lobby.ArenaDirectory;
import io.tickwire.sample.lobby.ArenaStatus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.junit.jupiter.api.Test;

/** One arena match in an engine registry with a manual clock and an outbox that records: joins, bots, inputs. */
class ArenaMatchTest {
    private static final long PERIOD_NANOS = 1_000_000_000L / 60;

    private final ManualNanoClock clock = new ManualNanoClock(0);
    private final List<String> sent = new ArrayList<>();
    private final ArenaDirectory directory = new ArenaDirectory();
    private final MatchRegistry registry = MatchRegistry.builder().clock(clock).outboxes(h -> new Recorder()).build();
    private final ReplicatedState latest = new ReplicatedState();
    private MatchHandle match;
    private byte[] lastAcked;

    /** Records event names (and the recipient of acked ones); state is what the test reads from the world. */
    private final class Recorder implements Outbox {
        @Override
        public boolean send(int to, String event, byte[] payload, int offset, int length, Delivery delivery) {
            sent.add(event + " to " + to);
            return true;
        }

        @Override
        public boolean broadcast(String event, byte[] payload, int offset, int length, Delivery delivery) {
            sent.add(event);
            return true;
        }

        @Override
        public boolean sendWithAck(int to, String event, byte[] payload, int offset, int length, long token, long timeoutMs) {
            sent.add(event + " acked by " + to);
            lastAcked = Arrays.copyOfRange(payload, offset, offset + length);
            return true;
        }

        @Override
        public boolean broadcastWithAck(String event, byte[] payload, int offset, int length, long token, long timeoutMs) {
            sent.add(event + " acked by all");
            return true;
        }

        @Override
        public void playerRemoved(int player, LeaveReason reason) {
        }

        @Override
        public void flush() {
        }
    }

    @AfterEach
    void close() {
        registry.close();
    }

    private void start(ArenaSettings settings) {
        match = registry.create("m1", MatchOptions.builder().maxPlayers(settings.maxHumans()).build(),
                new Observed(new ArenaMatch(settings, directory, () -> 42L)));
        ticks(1);
    }

    private void ticks(int n) {
        for (int i = 0; i < n; i++) {
            registry.doWork();
            clock.advanceNanos(PERIOD_NANOS);
        }
    }

    private void join(int player, String name) {
        byte[] data = name.getBytes(StandardCharsets.UTF_8);
        match.requestJoin(player, data, 0, data.length, (p, decision) -> { });
        ticks(1);
    }

    private ArenaStatus status() {
        ticks(31);
        return directory.list().get(0);
    }

    @Test
    void botsFillEmptySeatsAndLeaveAsHumansCome() {
        start(ArenaSettings.builder().combatants(3).build());
        assertEquals(3, status().bots());
        join(0, "Ana");
        join(1, "Bo");
        ArenaStatus status = status();
        assertEquals(2, status.humans());
        assertEquals(1, status.bots());
        join(2, "Cy");
        join(3, "Di");
        assertEquals(0, status().bots());
        match.leave(3, LeaveReason.LEFT);
        match.leave(2, LeaveReason.LEFT);
        ticks(1);
        assertEquals(1, status().bots());
    }

    @Test
    void theRosterGoesToTheRoomWhenSomeoneJoins() {
        start(ArenaSettings.builder().combatants(0).build());
        sent.clear();
        join(0, "Ana");
        ticks(1);
        assertTrue(sent.contains("roster"), sent.toString());
    }

    @Test
    void movementInputsAreStepsEarnedInRealTimeSoFloodingDoesNotSpeedAPlayerUp() {
        start(ArenaSettings.builder().combatants(0).build());
        join(0, "Ana");
        ticks(30);                                  // banks the maximum step credit
        float before = x(0);
        for (int seq = 0; seq < 4; seq++) {
            match.publishInput(0, seq, new byte[] {1, 0}, 0, 2);
        }
        ticks(1);
        float step = ArenaRules.SPEED_PER_SECOND * ArenaRules.STEP_SECONDS;
        assertEquals(before + 4 * step, x(0), 0.01f);
        for (int burst = 0; burst < 10; burst++) {     // 4 inputs a tick: 240/s, far above the 30 steps/s earned
            for (int seq = 0; seq < 4; seq++) {
                match.publishInput(0, 100 + burst * 4 + seq, new byte[] {1, 0}, 0, 2);
            }
            ticks(1);
        }
        float moved = x(0) - before - 4 * step;
        // credit left (2) + earned over the 3 + 10 ticks since (6.5): at most 8 whole steps of the 40 sent
        assertEquals(8 * step, moved, 0.01f);
    }

    @Test
    void aShutdownEndsTheMatchWithFinalResultsForEveryNamedPlayer() throws IOException {
        start(ArenaSettings.builder().combatants(3).roundMs(2_000).resultsMs(1_000).build());
        join(0, "Ana");
        join(1, "Bo");
        sent.clear();
        match.announceShutdown(10_000);
        ticks(1);
        assertEquals(List.of("results acked by 0", "results acked by 1"),
                sent.stream().filter(e -> e.startsWith("results")).sorted().toList());
        try (MessageUnpacker results = MessagePack.newDefaultUnpacker(lastAcked)) {
            assertEquals(3, results.unpackMapHeader());
            assertEquals("round", results.unpackString());
            assertEquals(1, results.unpackInt());
            assertEquals("final", results.unpackString());
            assertTrue(results.unpackBoolean());
        }

        sent.clear();
        ArenaStatus status = status();
        ticks(300);                                 // past the 2 s round and 1 s of results: no round follows
        assertFalse(status.playing(), "nobody plays once the match ended");
        assertEquals(1, status().round());
        assertTrue(sent.stream().noneMatch(e -> e.startsWith("results")), sent.toString());
    }

    private float x(int player) {
        ticks(3);                                   // to the next snapshot tick
        ReplicatedState state = latest;
        for (int r = 0; r < state.recordCount(); r++) {
            if (state.componentId(r) == 3 && state.value(r, 0) == player) {
                int entity = state.entity(r);
                for (int p = 0; p < state.recordCount(); p++) {
                    if (state.entity(p) == entity && state.componentId(p) == 2) {
                        return Float.intBitsToFloat((int) state.value(p, 0));
                    }
                }
            }
        }
        throw new AssertionError("no avatar of player " + player);
    }

    /** The arena, with the world's replicated state captured on every snapshot tick for the test to read. */
    private final class Observed implements Match {
        private final ArenaMatch arena;

        Observed(ArenaMatch arena) {
            this.arena = arena;
        }

        @Override
        public void onCreate(MatchContext ctx) {
            arena.onCreate(ctx);
        }

        @Override
        public JoinDecision onJoinAttempt(MatchContext ctx, int playerId, ByteBuffer joinData) {
            return arena.onJoinAttempt(ctx, playerId, joinData);
        }

        @Override
        public void onJoin(MatchContext ctx, int playerId) {
            arena.onJoin(ctx, playerId);
        }

        @Override
        public void onLeave(MatchContext ctx, int playerId, LeaveReason reason) {
            arena.onLeave(ctx, playerId, reason);
        }

        @Override
        public void onTick(MatchContext ctx, Inputs inputs) {
            arena.onTick(ctx, inputs);
        }

        @Override
        public void onSnapshot(MatchContext ctx) {
            arena.onSnapshot(ctx);
            latest.capture(ctx.world(), ctx.tick());
        }

        @Override
        public void onShutdown(MatchContext ctx, long drainTimeoutMs) {
            arena.onShutdown(ctx, drainTimeoutMs);
        }
    }
}
