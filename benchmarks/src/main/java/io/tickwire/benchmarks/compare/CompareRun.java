package io.tickwire.benchmarks.compare;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Carries out a {@link ComparePlan}: one contender after another, each started as its own process and
 * driven by loadtest runs (also their own processes) on loopback; returns one {@link Measurement} per
 * contender × room size × client count, in that order. A run that fails or does not fit the time budget
 * yields a measurement with a note instead of figures. Blocking; one thread.
 */
final class CompareRun {
    private static final Duration SERVER_START = Duration.ofSeconds(60);

    private final ComparePlan plan;
    private final Path root;
    private final String classpath;
    private final Path workDir;
    private final PrintStream out;
    private final long startNanos = System.nanoTime();

    /**
     * @param root      the repository root (Node scripts, working directory of every process)
     * @param classpath this module's runtime classpath, for the JVM servers and the loadtest
     * @param workDir   where the processes' logs and the loadtest JSON reports go
     * @param out       one line per finished run
     */
    CompareRun(ComparePlan plan, Path root, String classpath, Path workDir, PrintStream out) {
        this.plan = plan;
        this.root = root;
        this.classpath = classpath;
        this.workDir = workDir;
        this.out = out;
    }

    List<Measurement> run() throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        List<Measurement> all = new ArrayList<>();
        for (Contender contender : plan.contenders()) {
            all.addAll(runContender(contender));
        }
        return all;
    }

    private List<Measurement> runContender(Contender contender) throws IOException, InterruptedException {
        List<Measurement> results = new ArrayList<>();
        String name = contender.server() + "-" + contender.parser();
        Path serverLog = workDir.resolve(name + "-server.log");
        Files.deleteIfExists(serverLog);
        ServerProcess server = null;
        String failure = null;
        try {
            if (elapsedMs() + ComparePlan.SERVER_OVERHEAD_MS + plan.warmupMs() > plan.budgetMs()) {
                failure = "skipped: time budget spent";
            } else {
                server = ServerProcess.start(contender.command(root, classpath, plan.tickwireIo(), plan.tickwireIoThreads()), root, serverLog, SERVER_START);
                out.printf(Locale.ROOT, "%s: pid %d on port %d%n", contender.label(), server.pid(), server.port());
                if (plan.warmupMs() > 0) {
                    int clients = Math.min(100, plan.clients().get(0) * 10);
                    load(server, contender, clients, plan.roomSizes().get(0), plan.warmupMs(), (c, b, s) -> { });
                }
            }
        } catch (IOException | RuntimeException e) {
            failure = "server did not start: " + e.getMessage();
        }
        try {
            for (int roomSize : plan.roomSizes()) {
                for (int clients : plan.clients()) {
                    Measurement m;
                    if (failure != null) {
                        m = Measurement.failed(contender, clients, roomSize, failure);
                    } else if (elapsedMs() + plan.runMsFor(clients) + ComparePlan.RUN_OVERHEAD_MS > plan.budgetMs()) {
                        m = Measurement.failed(contender, clients, roomSize, "skipped: time budget spent");
                    } else if (!server.isAlive()) {
                        failure = "server exited (see " + serverLog.getFileName() + ")";
                        m = Measurement.failed(contender, clients, roomSize, failure);
                    } else {
                        m = measure(server, contender, clients, roomSize);
                    }
                    results.add(m);
                    out.println(describe(m));
                }
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
        return results;
    }

    private Measurement measure(ServerProcess server, Contender contender, int clients, int roomSize)
            throws InterruptedException {
        try {
            long heapBefore = server.heapUsedBytes();
            long rssBefore = server.rssBytes();
            long runMs = plan.runMsFor(clients);
            int rampSeconds = ComparePlan.rampSeconds(clients);
            SteadyWindow window = new SteadyWindow(server, (int) (runMs / 1000), rampSeconds);
            LoadRun.Report report = load(server, contender, clients, roomSize, runMs, window);
            Thread.sleep(1000);
            if (!window.measured()) {
                return Measurement.failed(contender, clients, roomSize, "no steady window: "
                        + report.botsConnected() + "/" + clients + " connected, " + report.statesReceived() + " states");
            }
            double expected = (double) report.inputsSent() * Math.min(roomSize, clients);
            double rss = window.probed() ? (double) (window.rssMid() - rssBefore) / window.connectedMid() : Double.NaN;
            double heap = window.probed() ? (double) (window.heapMid() - heapBefore) / window.connectedMid() : Double.NaN;
            List<String> notes = new ArrayList<>();
            if (!window.allConnected()) {
                notes.add("clients still connecting in the CPU window");
            }
            if (report.errors() + report.disconnects() > 0) {
                notes.add(report.errors() + " errors, " + report.disconnects() + " disconnects");
            }
            notes.add(String.format(Locale.ROOT, "connect p99 %.0f ms", report.connectP99()));
            String note = String.join("; ", notes);
            return new Measurement(contender, clients, roomSize, report.botsConnected(), window.cpuMicrosPerMessage(),
                    rss, heap, report.deliveryP50(), report.deliveryP99(), report.deliveryP999(),
                    expected == 0 ? 0 : report.statesReceived() / expected, window.statesPerSecond(),
                    window.allConnected(), note);
        } catch (IOException | RuntimeException e) {
            return Measurement.failed(contender, clients, roomSize, "run failed: " + e.getMessage());
        }
    }

    private LoadRun.Report load(ServerProcess server, Contender contender, int clients, int roomSize, long runMs,
                                LoadRun.ProgressListener listener) throws IOException, InterruptedException {
        String name = contender.server() + "-" + contender.parser() + "-" + clients + "x" + roomSize;
        Path json = workDir.resolve(name + ".json");
        Path log = workDir.resolve(name + "-loadtest.log");
        Files.deleteIfExists(log);
        List<String> command = LoadRun.command(classpath, server.port(), contender.parser(), clients, roomSize,
                plan.stateHz() / roomSize, runMs, ComparePlan.rampPerSecond(clients), json);
        return LoadRun.run(command, root, json, log, runMs + 60_000, listener);
    }

    private long elapsedMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    static String describe(Measurement m) {
        String head = String.format(Locale.ROOT, "  %-20s %5d clients, rooms of %3d: ", m.contender().label(),
                m.clients(), m.roomSize());
        if (!m.ok()) {
            return head + m.note();
        }
        return head + String.format(Locale.ROOT,
                "%.1f us CPU/msg, %.0f msg/s, heap %.0f B/conn, RSS %.0f B/conn, p50 %.1f p99 %.1f p99.9 %.1f ms, "
                        + "delivered %.2f%%%s", m.cpuMicrosPerMessage(), m.statesPerSecond(), m.heapPerConnection(),
                m.rssPerConnection(), m.p50(), m.p99(), m.p999(), m.delivered() * 100,
                m.note().isEmpty() ? "" : " (" + m.note() + ")");
    }
}
