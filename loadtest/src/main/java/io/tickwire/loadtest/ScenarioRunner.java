package io.tickwire.loadtest;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.tickwire.net.server.IoTransport;
import io.tickwire.net.socketio.parser.ParserKind;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs one scenario: starts {@code bots} bots at {@code ramp} per second on one shared event loop
 * group, lets them run until the duration is over, prints one progress line a second, then stops them and
 * reports. The run is bounded by {@link RunConfig}: it always ends after the duration plus a grace
 * period of at most {@value #GRACE_MS} ms for in-flight messages.
 *
 * <pre>
 *   ramp ──▶ LoadBot × N (BroadcastBot or GameBot) ──(Manager per bot, shared EventLoopGroup)──▶ server
 *            sending from their loop's InputPacer
 *                 └─ LoadMetrics (recorders, counters) ──ProgressRecorder, each second──▶ progress line,
 *                                                           timeline, steady state ──▶ LoadTestReport
 * </pre>
 *
 * Not thread-safe: one run per instance, from one thread.
 */
final class ScenarioRunner {
    static final long GRACE_MS = 5000;
    static final long QUIET_MS = 300;
    private static final long CLOSE_QUIET_MS = 200;

    /**
     * Makes bot {@code index} of a run, to live on {@code loop} and send from {@code pacer} (the loop's: one
     * per loop, at the run's input rate); called on the runner's thread before any bot starts.
     */
    @FunctionalInterface
    interface BotFactory {
        LoadBot create(int index, RunConfig config, EventLoop loop, InputPacer pacer, LoadMetrics metrics,
                       WallClock clock, Random random);
    }

    private final String scenario;
    private final BotFactory factory;
    private final RunConfig config;
    private final WallClock clock;
    private final LoadMetrics metrics = new LoadMetrics();

    ScenarioRunner(String scenario, BotFactory factory, RunConfig config, WallClock clock) {
        this.scenario = scenario;
        this.factory = factory;
        this.config = config;
        this.clock = clock;
    }

    /** Runs to the end and returns the report; progress lines go to {@code progress} (may be null). */
    LoadTestReport run(PrintStream progress) throws InterruptedException {
        int botsPerLoop = (config.bots() + config.threads() - 1) / config.threads();
        EventLoopGroup group = config.io().newGroup(config.threads(), botsPerLoop);
        List<LoadBot> bots = new ArrayList<>(config.bots());
        try {
            long[] threadIds = threadIds(group);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long loopCpuBefore = cpuNanos(threads, threadIds);
            Random random = new Random(config.seed());
            Map<EventLoop, InputPacer> pacers = new HashMap<>();
            long inputPeriodNanos = (long) (1e9 / config.inputHz());
            for (int i = 0; i < config.bots(); i++) {
                EventLoop loop = group.next();
                InputPacer pacer = pacers.computeIfAbsent(loop, l -> new InputPacer(l, inputPeriodNanos));
                bots.add(factory.create(i, config, loop, pacer, metrics, clock, new Random(random.nextLong())));
            }
            ProcessCpu.Reading cpuBefore = ProcessCpu.read();
            ProgressRecorder recorder = new ProgressRecorder(metrics, bots, progress, cpuBefore);
            long startNanos = System.nanoTime();
            long endNanos = startNanos + TimeUnit.MILLISECONDS.toNanos(config.durationMs());
            long rampIntervalNanos = 1_000_000_000L / config.rampPerSecond();
            for (int i = 0; i < bots.size(); i++) {
                LoadBot bot = bots.get(i);
                group.next().schedule(bot::start, i * rampIntervalNanos, TimeUnit.NANOSECONDS);
            }
            long nextTick = startNanos;
            while (System.nanoTime() < endNanos) {
                nextTick = Math.min(nextTick + 1_000_000_000L, endNanos);
                TimeUnit.NANOSECONDS.sleep(Math.max(0, nextTick - System.nanoTime()));
                recorder.endInterval((System.nanoTime() - startNanos) / 1e9, true);
            }
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            for (LoadBot bot : bots) {
                bot.stopSending();
            }
            awaitQuiet();
            for (LoadBot bot : bots) {
                bot.close();
            }
            ProcessCpu.Reading cpu = ProcessCpu.read().since(cpuBefore);
            long loopCpuNanos = cpuNanos(threads, threadIds) - loopCpuBefore;
            recorder.endInterval(seconds, false);
            if (progress != null) {
                progress.println();
            }
            long bytesSent = 0;
            long bytesReceived = 0;
            for (LoadBot bot : bots) {
                bytesSent += bot.bytesSent();
                bytesReceived += bot.bytesReceived();
            }
            return new LoadTestReport(scenario, config.url().toString(),
                    config.transport().name().toLowerCase(Locale.ROOT),
                    config.parser() == ParserKind.MSGPACK ? "msgpack" : "json", config.bots(), seconds,
                    metrics.botsEverConnected.sum(), metrics.inputsSent.sum(), metrics.statesReceived.sum(),
                    metrics.fullSnapshots.sum(),
                    metrics.actionsSent.sum(), metrics.acksReceived.sum(), metrics.errors.sum(),
                    metrics.disconnects.sum(), metrics.reconnects.sum(), bytesSent, bytesReceived,
                    cpu.totalNanos() / 1e9, LoadTestReport.latenciesOf(metrics), cpu.kernelNanos() / 1e9,
                    loopCpuNanos / 1e9, recorder.steadyState(), recorder.timeline());
        } finally {
            // a quiet period, so that the loops still complete the bots' closes: io_uring reports a close a loop
            // turn later, and a loop that stopped at once would refuse it (a warning per bot)
            group.shutdownGracefully(CLOSE_QUIET_MS, 2000, TimeUnit.MILLISECONDS).await(5, TimeUnit.SECONDS);
        }
    }

    /**
     * After the last input: waits until every action was answered and no state arrived for
     * {@value #QUIET_MS} ms, or {@value #GRACE_MS} ms passed, so in-flight messages are counted.
     */
    private void awaitQuiet() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MS);
        long lastStates = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long states = metrics.statesReceived.sum();
            if (states != lastStates) {
                lastStates = states;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= TimeUnit.MILLISECONDS.toNanos(QUIET_MS)
                    && metrics.acksReceived.sum() + metrics.errors.sum() >= metrics.actionsSent.sum()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private static long[] threadIds(EventLoopGroup group) throws InterruptedException {
        List<Long> ids = new ArrayList<>();
        for (EventExecutor executor : group) {
            try {
                ids.add(executor.submit(() -> Thread.currentThread().getId()).get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("event loop did not run a task", e);
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private static long cpuNanos(ThreadMXBean threads, long[] ids) {
        long total = 0;
        for (long id : ids) {
            long cpu = threads.getThreadCpuTime(id);
            total += Math.max(0, cpu);
        }
        return total;
    }
}
