package io.tickwire.benchmarks.compare;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bench compare} end to end at a tiny size (one server of each kind, 20 clients, a few seconds
 * each), and the pieces whose arithmetic the figures rest on.
 */
class CompareCommandTest {

    @Test
    void aTinyRunMeasuresEveryKindOfServerAndRewritesOnlyItsSectionOfTheResults(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("RESULTS.md");
        Files.writeString(results, "# Results\n\nkept before\n\n" + ResultsSection.BEGIN + "\nold table\n"
                + ResultsSection.END + "\n\n## Reading\n\nkept after\n");
        Path plot = dir.resolve("compare.png");

        int exit = CompareCommand.run("--servers", "tickwire-msgpack,node-msgpack,netty-socketio-json",
                "--clients", "20", "--rooms", "10", "--run", "5s", "--warmup", "2s", "--budget", "2m",
                "--results", results.toString(), "--plot", plot.toString(), "--work", dir.resolve("work").toString());

        assertEquals(0, exit);
        String md = Files.readString(results);
        assertTrue(md.startsWith("# Results\n\nkept before\n\n" + ResultsSection.BEGIN), md);
        assertTrue(md.endsWith(ResultsSection.END + "\n\n## Reading\n\nkept after\n"), md);
        assertFalse(md.contains("old table"), md);
        assertTrue(md.contains("| 20 | 10 | msgpack | node | "), "a ratio row for Tickwire / Node:\n" + md);
        for (String server : List.of("tickwire msgpack", "node msgpack", "netty-socketio json")) {
            String row = md.lines().filter(l -> l.startsWith("| " + server + " | 20 | 10 | ")).findFirst().orElseThrow();
            assertFalse(row.contains("| – |"), "every figure measured for " + server + ": " + row);
            double delivered = Double.parseDouble(row.split("\\|")[11].trim().replace("%", ""));
            // inputs sent while a room was still filling reach fewer members: not quite 100%
            assertTrue(delivered > 95, "states delivered by " + server + ": " + row);
        }
        assertTrue(Files.size(plot) > 10_000, "a PNG was written");
    }

    @Test
    void cpuTimeIsUserPlusSystemTicksEvenWhenTheCommandNameHoldsSpacesAndParentheses() {
        String stat = "4242 (node (peer) x) S 1 4242 4242 0 -1 4194560 1200 0 0 0 250 130 0 0 20 0 11 0 100 0 0";

        assertEquals(3.8, ProcStats.parseCpuSeconds(stat), 1e-9);
        assertEquals(51_200 * 1024L, ProcStats.parseRssBytes("Name:\tjava\nVmPeak:\t 9 kB\nVmRSS:\t   51200 kB\nThreads: 3\n"));
    }

    @Test
    void theFullPlanFitsFifteenMinutesAndTheQuickOneFour() {
        ComparePlan plan = planOf();
        assertEquals(List.of(100, 500, 1000, 2000), plan.clients());
        assertEquals(List.of(10, 100), plan.roomSizes());
        assertTrue(estimateMs(plan) <= 15 * 60_000, "estimated " + estimateMs(plan) + " ms");

        ComparePlan quickPlan = planOf("--quick");
        assertTrue(estimateMs(quickPlan) <= 240_000, "estimated " + estimateMs(quickPlan) + " ms");
    }

    @Test
    void aRoomSizeThatTheLoadtestCannotDriveIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ComparePlan(List.of(Contender.TICKWIRE_JSON),
                List.of(100), List.of(1000), 20, 5000, 0, 60_000));
        assertThrows(IllegalArgumentException.class, () -> CompareCommand.millis("ten seconds"));
        assertEquals(90_000, CompareCommand.millis("90s"));
    }

    @Test
    void tickwireServesOnTheSocketImplementationAndLoopsAsked() {
        assertEquals("auto", planOf().tickwireIo());
        ComparePlan plan = planOf("--tickwire-io", "nio", "--tickwire-io-threads", "1");
        List<String> command = Contender.TICKWIRE_MSGPACK.command(Path.of("."), "cp", plan.tickwireIo(),
                plan.tickwireIoThreads());
        assertEquals(List.of("--io-transport", "nio", "--io-threads", "1"), command.subList(command.size() - 4, command.size()));
        assertThrows(IllegalArgumentException.class, () -> planOf("--tickwire-io", "kqueue"));
    }

    @Test
    void progressLinesOfTheLoadtestAreReadInTheCurrentAndTheOlderFormat() throws Exception {
        List<String> seen = new java.util.ArrayList<>();
        LoadRun.ProgressListener listener = (connected, bots, states) -> seen.add(connected + "/" + bots + ":" + states);

        LoadRun.onLine("    3s bots 80/100 | in 1990 msg/s 45 kB/s | out 199 msg/s 4 kB/s | delivery p50 0.4 p99 2.0 ms"
                + " | ack p99 0.0 ms | cpu 12% | errors 0 ", listener);
        LoadRun.onLine("bots 100/100 | inputs 200/s | states 2000/s | delivery p50 0.40 ms p99 2.00 ms | errors 0  ", listener);
        LoadRun.onLine("broadcast scenario against http://127.0.0.1:1 (websocket, json parser): 100 bots, 5.0 s", listener);

        assertEquals(List.of("80/100:1990", "100/100:2000"), seen);
    }

    @Test
    void theLoadtestReportIsRead() {
        LoadRun.Report r = LoadRun.parseReport("""
                {"scenario":"broadcast","bots":20,"durationSeconds":5.0,"botsConnected":20,"inputsSent":75,
                 "statesReceived":750,"errors":0,"disconnects":1,"runnerCpuSeconds":0.5,"extra":[1,{"a":null}],
                 "latenciesMs":{"connect":{"p50":1.0,"p99":40},"delivery":{"count":750,"p50":1.5,"p90":2,"p99":9.25,"p999":12,"max":13}}}""");

        assertEquals(750, r.statesReceived());
        assertEquals(1, r.disconnects());
        assertEquals(9.25, r.deliveryP99());
        assertEquals(12, r.deliveryP999());
        assertEquals(40, r.connectP99());
    }

    private static ComparePlan planOf(String... args) {
        CompareCommand command = new CompareCommand();
        new CommandLine(command).parseArgs(args);
        return command.plan();
    }

    private static long estimateMs(ComparePlan plan) {
        long total = 0;
        for (Contender ignored : plan.contenders()) {
            total += ComparePlan.SERVER_OVERHEAD_MS + plan.warmupMs() + ComparePlan.RUN_OVERHEAD_MS;
            for (int room : plan.roomSizes()) {
                for (int clients : plan.clients()) {
                    total += plan.runMsFor(clients) + ComparePlan.RUN_OVERHEAD_MS;
                }
            }
        }
        return total;
    }
}
