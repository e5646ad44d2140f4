package io.tickwire.benchmarks.compare;

import io.tickwire.benchmarks.Machine;
import io.tickwire.net.server.IoTransport;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./run bench compare [options]}: Tickwire's broadcast server beside the Node socket.io server and
 * netty-socketio, one after another on loopback, under the loadtest broadcast workload; writes the
 * comparison section of benchmarks/RESULTS.md and benchmarks/compare.png (see benchmarks/README.md). Exit
 * codes: 0 done (a run that failed is reported in the table), 1 nothing could be measured, 2 bad options.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare Tickwire with the Node socket.io server and netty-socketio (benchmarks/README.md).")
public final class CompareCommand implements Callable<Integer> {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

    @Option(names = "--quick", description = "100 and 1,000 clients, rooms of 10, about 4 minutes")
    boolean quick;

    @Option(names = "--budget", description = "bound of the whole run, e.g. 15m, 90s (default 15m; --quick 4m)")
    String budget;

    @Option(names = "--clients", split = ",", description = "client counts (default 100,500,1000,2000)")
    List<Integer> clients;

    @Option(names = "--rooms", split = ",", description = "room sizes (default 10,100)")
    List<Integer> rooms;

    @Option(names = "--servers", split = ",",
            description = "tickwire-msgpack,tickwire-json,node-msgpack,node-json,netty-socketio-json (default all)")
    List<String> servers;

    @Option(names = "--state-hz", defaultValue = "20", description = "states each client receives per second")
    double stateHz;

    @Option(names = "--run", description = "length of each load run (default: what fits the budget, 5 s to 30 s)")
    String run;

    @Option(names = "--warmup", description = "unrecorded warm-up run per server (default 5s; --quick 2s)")
    String warmup;

    @Option(names = "--tickwire-io", defaultValue = "auto",
            description = "socket I/O of the Tickwire servers: auto (epoll, else nio), epoll, io_uring or nio")
    String tickwireIo;

    @Option(names = "--tickwire-io-threads", defaultValue = "0",
            description = "event loops of the Tickwire servers (default 0: one per core)")
    int tickwireIoThreads;

    @Option(names = "--results", defaultValue = "benchmarks/RESULTS.md", description = "markdown file to update")
    Path results;

    @Option(names = "--plot", defaultValue = "benchmarks/compare.png", description = "PNG to write")
    Path plot;

    @Option(names = "--work", defaultValue = "benchmarks/results/compare",
            description = "directory of the processes' logs and JSON reports")
    Path work;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command with {@code args}; returns its exit code. */
    public static int run(String... args) {
        return new CommandLine(new CompareCommand()).execute(args);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintStream out = System.out;
        ComparePlan plan;
        try {
            plan = plan();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("bench compare: " + e.getMessage());
            return 2;
        }
        Path root = Machine.repositoryRoot();
        String started = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(Instant.now().atOffset(ZoneOffset.UTC));
        String load = Machine.loadAverage();
        out.printf(Locale.ROOT, "bench compare: %d servers x %d sizes, %.0f s per run, budget %d s (load average %s)%n",
                plan.contenders().size(), plan.runsPerContender(), plan.runMs() / 1000.0, plan.budgetMs() / 1000, load);
        long t0 = System.nanoTime();
        List<Measurement> measurements = new CompareRun(plan, root, System.getProperty("java.class.path"),
                root.resolve(work), out).run();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
        String header = header(plan, started, load, seconds);
        ResultsSection.write(root.resolve(results), ResultsSection.render(plan, measurements, header));
        ComparePlot.write(measurements, root.resolve(plot));
        out.printf(Locale.ROOT, "bench compare: %d s; wrote %s and %s%n", seconds, results, plot);
        return measurements.stream().anyMatch(Measurement::ok) ? 0 : 1;
    }

    ComparePlan plan() {
        List<Contender> contenders = new ArrayList<>();
        if (servers == null) {
            contenders.addAll(List.of(Contender.values()));
        } else {
            servers.forEach(s -> contenders.add(Contender.parse(s)));
        }
        List<Integer> sizes = clients != null ? clients : quick ? List.of(100, 1000) : List.of(100, 500, 1000, 2000);
        List<Integer> roomSizes = rooms != null ? rooms : quick ? List.of(10) : List.of(10, 100);
        long budgetMs = millis(budget != null ? budget : quick ? "4m" : "15m");
        long warmupMs = millis(warmup != null ? warmup : quick ? "2s" : "5s");
        if (budgetMs > TimeUnit.HOURS.toMillis(1)) {
            throw new IllegalArgumentException("--budget must be at most 1h: " + budget);
        }
        int runsPerContender = sizes.size() * roomSizes.size();
        long runMs = run != null ? millis(run)
                : ComparePlan.runMsWithin(budgetMs, contenders.size(), runsPerContender, warmupMs);
        if (runMs < 1000) {
            throw new IllegalArgumentException("--run must be at least 1s: " + run);
        }
        IoTransport.parse(tickwireIo);
        return new ComparePlan(contenders, sizes, roomSizes, stateHz, runMs, warmupMs, budgetMs, tickwireIo,
                tickwireIoThreads);
    }

    static long millis(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("durations look like 500ms, 30s or 15m: " + text);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> n;
            case "s" -> n * 1000;
            default -> n * 60_000;
        };
    }

    private static String header(ComparePlan plan, String started, String load, long seconds) {
        return String.format(Locale.ROOT, """
                Run on %s (%d s; load average %s at the start): %s, Node %s; Tickwire's socket I/O: %s, %s. Server and load \
                generator (`./run loadtest`, 2 event-loop threads, its own JVM) share the machine; the machine was \
                shared with other work, so compare the ratios of one run, not absolute figures across runs.
                Workload: loadtest `broadcast` over WebSocket, each client in a room of the given size receiving \
                %.0f states a second (it sends %.0f/room-size inputs a second, each fanned out to its room), no \
                acknowledged actions; ramp of 1 to 4 s (at most 500 connections a second), then %.0f s per run; one unrecorded %.0f s warm-up per \
                server. CPU: the server process's user + system time (`/proc/<pid>/stat`) from the first second \
                in which every client was connected to the end, divided by the states delivered in that time. \
                Memory per connection: mid-run minus before the run, divided by the clients (heap after a full \
                GC: the JVM's used heap, Node's `heapUsed`). Latency: every state of the run, server timestamp to \
                arrival.""", started, seconds, load, Machine.describe(), Machine.nodeVersion(),
                IoTransport.parse(plan.tickwireIo()).name().toLowerCase(Locale.ROOT),
                plan.tickwireIoThreads() == 0 ? "one event loop per core" : plan.tickwireIoThreads() + " event loop(s)",
                plan.stateHz(), plan.stateHz(),
                plan.runMs() / 1000.0, plan.warmupMs() / 1000.0);
    }
}
