package io.tickwire.engine.match;

import io.tickwire.engine.input.InputKind;
import io.tickwire.engine.input.InputRing;
import io.tickwire.engine.input.InputRingOptions;
import io.tickwire.engine.loop.DeadlineIdleStrategy;
import io.tickwire.engine.loop.TickLoop;
import io.tickwire.engine.loop.TickLoopOptions;
import io.tickwire.engine.loop.TickLoopThread;
import io.tickwire.engine.loop.TickStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

/**
 * All matches of a server, sharded over loop threads: create (placed on the loop hosting the fewest matches,
 * where it stays until disposed), find by id, list by labels. Matches empty for their
 * {@link MatchOptions#emptyDisposeAfterMs()} are disposed automatically and disappear from the registry.
 *
 * <p>Threading: {@link #create}, {@link #find} and {@link #list} from any thread. Either {@link #start()} the
 * loop threads (production), or drive the loops from one thread with {@link #doWork()} (tests, with a
 * {@code ManualNanoClock}); never both.
 */
public final class MatchRegistry implements AutoCloseable {
    private final MatchHost[] hosts;
    private final ConcurrentHashMap<String, MatchHandle> byId = new ConcurrentHashMap<>();
    private final OutboxFactory outboxes;
    private final MatchErrorHandler errors;
    private final NanoClock clock;
    private final Function<TickLoop, IdleStrategy> idleStrategies;
    private final float deltaSeconds;
    private final List<TickLoopThread> threads = new ArrayList<>();

    private MatchRegistry(Builder builder) {
        this.outboxes = Objects.requireNonNull(builder.outboxes, "outboxes");
        this.errors = builder.errors;
        this.clock = builder.clock;
        this.idleStrategies = builder.idleStrategies;
        this.deltaSeconds = builder.loopOptions.deltaSeconds();
        this.hosts = new MatchHost[builder.loopThreads];
        for (int i = 0; i < hosts.length; i++) {
            hosts[i] = new MatchHost(i, builder.loopOptions, builder.ringOptions, clock, this);
        }
    }

    /** A builder; {@link Builder#outboxes} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates a match hosting {@code match}; it is attached to its loop at that loop's next tick, where
     * {@link Match#onCreate} runs.
     *
     * @throws IllegalArgumentException if a match with {@code id} exists
     * @throws IllegalStateException if the chosen loop's input ring is full
     */
    public MatchHandle create(String id, MatchOptions options, Match match) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(match, "match");
        MatchHost host = hosts[0];
        for (MatchHost candidate : hosts) {
            if (candidate.matchCount() < host.matchCount()) {
                host = candidate;
            }
        }
        int key = host.reserveKey();
        MatchHandle handle = new MatchHandle(id, options, host, key);
        if (byId.putIfAbsent(id, handle) != null) {
            host.releaseKey(key);
            throw new IllegalArgumentException("a match with id '" + id + "' exists");
        }
        MatchRunner runner = new MatchRunner(handle, match, outboxes.create(handle), errors, deltaSeconds,
                host.ring().maxPayloadBytes());
        if (!host.ring().publish(InputKind.CONTROL, key, 0, 0L, MatchHost.ATTACH, null, 0, 0, null, runner)) {
            byId.remove(id, handle);
            host.releaseKey(key);
            throw new IllegalStateException("input ring of loop " + host.index() + " is full; match '" + id + "' not created");
        }
        return handle;
    }

    /** The live match with {@code id}, or null. */
    public MatchHandle find(String id) {
        return byId.get(id);
    }

    /** Live matches whose labels contain every entry of {@code labels} (all matches for an empty map). */
    public List<MatchHandle> list(Map<String, String> labels) {
        List<MatchHandle> found = new ArrayList<>();
        for (MatchHandle handle : byId.values()) {
            if (handle.labels().entrySet().containsAll(labels.entrySet())) {
                found.add(handle);
            }
        }
        return found;
    }

    /** Number of loop threads. */
    public int loopCount() {
        return hosts.length;
    }

    /** Statistics of loop {@code loopIndex}. */
    public TickStats loopStats(int loopIndex) {
        return hosts[loopIndex].stats();
    }

    /** Manual driving: runs the due ticks of every loop on the calling thread; returns ticks run. */
    public int doWork() {
        int work = 0;
        for (MatchHost host : hosts) {
            work += host.loop().doWork();
        }
        return work;
    }

    /**
     * Inputs and other events refused by loop {@code loopIndex}'s ring since start (ring full or payload too
     * large); the publisher was told (publish returned false). Any thread.
     */
    public long refusedPublishes(int loopIndex) {
        InputRing ring = hosts[loopIndex].ring();
        return ring.rejectedFull() + ring.rejectedOversize();
    }

    /** Starts one thread per loop ({@code tickwire-loop-N}), idling with the configured strategy between ticks. */
    public synchronized void start() {
        if (!threads.isEmpty()) {
            throw new IllegalStateException("already started");
        }
        for (MatchHost host : hosts) {
            IdleStrategy idle = idleStrategies.apply(host.loop());
            threads.add(TickLoopThread.start(host.loop(), idle, "tickwire-loop-" + host.index()));
        }
    }

    /** Stops the loop threads (matches are not disposed). */
    @Override
    public synchronized void close() {
        for (TickLoopThread thread : threads) {
            thread.close();
        }
        threads.clear();
    }

    void removed(MatchHandle handle) {
        byId.remove(handle.id(), handle);
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private int loopThreads = 1;
        private TickLoopOptions loopOptions = TickLoopOptions.defaults();
        private InputRingOptions ringOptions = InputRingOptions.defaults();
        private NanoClock clock = new SystemNanoClock();
        private Function<TickLoop, IdleStrategy> idleStrategies;
        private OutboxFactory outboxes;
        private MatchErrorHandler errors = MatchErrorHandler.PRINT;

        private Builder() {
        }

        /** Loop threads to shard matches over; default 1. */
        public Builder loopThreads(int loopThreads) {
            this.loopThreads = loopThreads;
            return this;
        }

        /** Rates and catch-up bound of every loop; default {@link TickLoopOptions#defaults()}. */
        public Builder tickLoop(TickLoopOptions loopOptions) {
            this.loopOptions = Objects.requireNonNull(loopOptions, "tickLoop");
            return this;
        }

        /** Sizing of every loop's input ring; default {@link InputRingOptions#defaults()}. */
        public Builder inputRing(InputRingOptions ringOptions) {
            this.ringOptions = Objects.requireNonNull(ringOptions, "inputRing");
            return this;
        }

        /** The time source of every loop; default {@link SystemNanoClock}. */
        public Builder clock(NanoClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How each loop thread idles between ticks once {@link #start()}ed; default a
         * {@link DeadlineIdleStrategy} that parks until the loop's next deadline (less a short yield window).
         */
        public Builder idleStrategy(Function<TickLoop, IdleStrategy> idleStrategies) {
            this.idleStrategies = Objects.requireNonNull(idleStrategies, "idleStrategy");
            return this;
        }

        /** Required: creates each match's outbox. */
        public Builder outboxes(OutboxFactory outboxes) {
            this.outboxes = outboxes;
            return this;
        }

        /** Receives game-code exceptions; default {@link MatchErrorHandler#PRINT}. */
        public Builder errorHandler(MatchErrorHandler errors) {
            this.errors = Objects.requireNonNull(errors, "errorHandler");
            return this;
        }

        /** Validates and builds; throws {@link IllegalArgumentException} naming the first invalid option. */
        public MatchRegistry build() {
            if (loopThreads < 1) {
                throw new IllegalArgumentException("loopThreads must be at least 1, got " + loopThreads);
            }
            if (outboxes == null) {
                throw new IllegalArgumentException("outboxes must be set");
            }
            if (idleStrategies == null) {
                NanoClock loopClock = clock;
                idleStrategies = loop -> new DeadlineIdleStrategy(loop, loopClock, DeadlineIdleStrategy.DEFAULT_SPIN_NANOS);
            }
            return new MatchRegistry(this);
        }
    }
}
