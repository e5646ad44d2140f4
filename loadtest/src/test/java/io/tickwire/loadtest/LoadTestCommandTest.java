package io.tickwire.loadtest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tickwire.engine.match.MatchHandle;
import io.tickwire.net.server.IoTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./run loadtest} end to end: short broadcast and game runs against our servers in this JVM, and refusals. */
class LoadTestCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new LoadTestCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void shortBroadcastRunConnectsEveryBotFansOutEveryInputAndWritesTheReport(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("report.json");
        Path reports = dir.resolve("reports");
        int bots = 30;
        int roomSize = 10;
        try (BroadcastScenarioServer server = BroadcastScenarioServer.start("127.0.0.1", 0)) {
            int exit = run("--url", "http://127.0.0.1:" + server.port(), "--bots", String.valueOf(bots),
                    "--ramp", "100", "--duration", "6s", "--input-hz", "10", "--action-hz", "2",
                    "--room-size", String.valueOf(roomSize), "--transport", "websocket", "--json", json.toString(),
                    "--report-dir", reports.toString(), "--fail-if", "errors>0", "--fail-if", "connected<" + bots);
            assertEquals(0, exit, "no threshold crossed: " + err);
        }
        Map<String, Double> report = topLevelNumbers(json);
        assertEquals(bots, report.get("botsConnected"), "every bot connected");
        assertEquals(0, report.get("errors"));
        assertEquals(0, report.get("disconnects"));
        assertEquals(0, report.get("reconnects"));
        double inputs = report.get("inputsSent");
        assertTrue(inputs >= bots * 10, "at least a second of inputs from every bot: " + inputs);
        double states = report.get("statesReceived");
        assertTrue(states <= inputs * roomSize, "never more states than inputs × room size: " + states);
        assertTrue(states >= inputs * roomSize * 0.95, "every input reached its room (but the last ones at "
                + "shutdown): " + states + " of " + inputs * roomSize);
        double actions = report.get("actionsSent");
        double acks = report.get("acksReceived");
        assertTrue(actions > 0 && acks <= actions && acks >= actions * 0.95, acks + " acks of " + actions);
        assertTrue(report.get("bytesSent") > 0 && report.get("bytesReceived") > report.get("bytesSent"),
                "the fan-out makes more bytes come in than go out");
        String text = out.toString();
        assertTrue(text.contains("bots connected   " + bots), text);
        assertTrue(text.contains("delivery"), text);
        assertEquals(states, latencyCount(json, "delivery"), "one delivery latency per state");
        assertEquals(acks, latencyCount(json, "ackRoundTrip"), "one round trip per ack");
        assertEquals(bots, latencyCount(json, "connect"));
        assertTrue(latencyCount(json, "jitter") > 0, "own states give jitter samples");
        assertEquals(text, Files.readString(reports.resolve("report.txt")), "the table file is the printed table");
        assertEquals(Files.readString(json), Files.readString(reports.resolve("report.json")));
        assertHtmlReportShows(reports.resolve("report.html"), text, 5);
        assertTimelineAddsUp(json, inputs, bots);
    }

    @Test
    void shortGameRunJoinsEveryBotDeliversSnapshotsAt20HzAndAnswersEveryAction(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("game.json");
        Path html = dir.resolve("game.html");
        int bots = 30;
        double seconds = 4;
        try (GameScenarioServer server = GameScenarioServer.start("127.0.0.1", 0, 10)) {
            int exit = run("--scenario", "game", "--url", "http://127.0.0.1:" + server.port(),
                    "--bots", String.valueOf(bots), "--ramp", "100", "--duration", "4s", "--input-hz", "10",
                    "--action-hz", "2", "--json", json.toString(), "--html", html.toString());
            assertEquals(0, exit, err.toString());
            assertEquals(0, server.games().invalidInputs(), "every input had the arena's shape");
            assertEquals(0, server.games().rateLimitedInputs());
        }
        Map<String, Double> report = topLevelNumbers(json);
        assertEquals(bots, report.get("botsConnected"), "every bot joined a match");
        assertEquals(0, report.get("errors"));
        assertEquals(0, report.get("disconnects"));
        double states = report.get("statesReceived");
        double expected = bots * 20 * (seconds - bots / 100.0);
        assertTrue(states >= expected * 0.6 && states <= expected * 1.1,
                "about 20 snapshots a second per joined bot: " + states + ", expected about " + expected);
        double full = report.get("fullSnapshots");
        assertTrue(full >= bots && full < states / 4, "a full snapshot on join, deltas after: " + full + " of " + states);
        double actions = report.get("actionsSent");
        assertTrue(actions >= bots * 2, "at least a second of actions from every bot: " + actions);
        assertEquals(actions, report.get("acksReceived"), "every action answered");
        assertTrue(report.get("inputsSent") >= bots * 10, "at least a second of inputs from every bot");
        assertEquals(states, latencyCount(json, "delivery"), "every snapshot carries the server clock");
        assertEquals(actions, latencyCount(json, "ackRoundTrip"));
        assertEquals(bots, latencyCount(json, "connect"));
        assertTrue(latencyCount(json, "jitter") >= states - bots * 2, "consecutive snapshots give jitter samples");
        String text = out.toString();
        assertTrue(text.contains("game scenario") && text.contains("msgpack parser"), "msgpack by default: " + text);
        assertTrue(text.contains("steady state     ") && !text.contains("not reached"), text);
        assertTrue(steadyStatesPerSecond(json) >= bots * 20 * 0.8, "20 snapshots a second per bot once all joined");
        assertTrue(report.get("runnerCpuSeconds") > 0 && report.get("runnerCpuMsPerBotSecond") > 0,
                "the runner measured its own CPU");
        assertHtmlReportShows(html, text, 5);
    }

    @Test
    void gameBotsReconnectIntoTheirSeatsAfterTheirConnectionsAreCut(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("drop.json");
        int bots = 20;
        try (GameScenarioServer server = GameScenarioServer.start("127.0.0.1", 0, 10);
             DroppingProxy proxy = new DroppingProxy(server.port())) {
            Thread cutter = new Thread(() -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
                // once every bot holds a seat, cut every connection once
                while (playersSeated(server) < bots && System.nanoTime() < deadline) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                try {
                    // the engine counts a player before its join answer (with the seat token) reaches the bot
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
                proxy.dropAll();
            }, "cutter");
            cutter.start();
            int exit = run("--scenario", "game", "--url", "http://127.0.0.1:" + proxy.port(),
                    "--bots", String.valueOf(bots), "--ramp", "100", "--duration", "7s", "--input-hz", "10",
                    "--action-hz", "2", "--parser", "msgpack", "--json", json.toString());
            cutter.join();
            assertEquals(0, exit, err.toString());
            assertEquals(2 * bots, proxy.accepted(), "each bot connected once more");
        }
        Map<String, Double> report = topLevelNumbers(json);
        assertEquals(bots, report.get("botsConnected"));
        assertEquals(bots, report.get("disconnects"));
        assertEquals(bots, report.get("reconnects"), "every bot was put back into its seat");
        assertTrue(report.get("fullSnapshots") >= 2 * bots, "a full snapshot after the rejoin");
        double actions = report.get("actionsSent");
        assertEquals(actions, report.get("acksReceived") + report.get("errors"),
                "every action answered or, if in flight at the cut, counted as an error");
        assertTrue(report.get("errors") <= bots, "at most the actions in flight at the cut failed");
    }

    @Test
    void aRunThatCrossesAFailIfThresholdExitsWithStatusOne() throws Exception {
        try (BroadcastScenarioServer server = BroadcastScenarioServer.start("127.0.0.1", 0)) {
            int exit = run("--url", "http://127.0.0.1:" + server.port(), "--bots", "4", "--ramp", "100",
                    "--duration", "1s", "--fail-if", "p50-delivery>=0ms", "--fail-if", "errors>0");
            assertEquals(1, exit, err.toString());
        }
        assertTrue(err.toString().contains("fail-if crossed: p50-delivery>=0ms"), err.toString());
        assertTrue(!err.toString().contains("fail-if crossed: errors>0"), err.toString());
    }

    @Test
    void aMalformedFailIfIsRefusedBeforeTheRun() {
        assertEquals(2, run("--fail-if", "p99-ack>>5"));
        assertTrue(err.toString().contains("--fail-if"), err.toString());
        assertEquals(2, run("--fail-if", "p42-ack>5ms"));
        assertEquals(2, run("--fail-if", "errors>5ms"));
    }

    @Test
    void outOfRangeOptionIsRefusedByName() {
        assertEquals(2, run("--bots", "0"));
        assertTrue(err.toString().contains("--bots"), err.toString());
        assertEquals(2, run("--transport", "carrier-pigeon"));
        assertTrue(err.toString().contains("--transport"), err.toString());
        assertEquals(2, run("--io-transport", "carrier-pigeon"));
        assertTrue(err.toString().contains("--io-transport"), err.toString());
    }

    @ParameterizedTest
    @EnumSource(IoTransport.class)
    void gameBotsPlayOverEverySocketImplementationThatLoads(IoTransport io, @TempDir Path dir) throws Exception {
        assumeTrue(io.isAvailable(), io + " does not load here");
        Path json = dir.resolve("game.json");
        int bots = 10;
        try (GameScenarioServer server = GameScenarioServer.start("127.0.0.1", 0, 10)) {
            int exit = run("--scenario", "game", "--url", "http://127.0.0.1:" + server.port(), "--io-transport",
                    io.name(), "--bots", String.valueOf(bots), "--ramp", "100", "--duration", "2s", "--json",
                    json.toString());
            assertEquals(0, exit, err.toString());
        }
        Map<String, Double> report = topLevelNumbers(json);
        assertEquals(bots, report.get("botsConnected"), "every bot joined a match");
        assertEquals(0, report.get("errors"));
        assertTrue(report.get("statesReceived") >= bots * 20, "a second of snapshots or more: " + report);
        assertEquals(report.get("actionsSent"), report.get("acksReceived"), "every action answered");
    }

    /** The page holds the printed table and a PNG chart per plot, embedded. */
    private static void assertHtmlReportShows(Path html, String table, int charts) throws IOException {
        String page = Files.readString(html);
        String escaped = table.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        assertTrue(page.contains(escaped), "the table in the page:\n" + page.substring(0, Math.min(2000, page.length())));
        int images = page.split("src=\"data:image/png;base64,iVBOR", -1).length - 1;
        assertEquals(charts, images, "one embedded PNG per chart");
        assertTrue(page.contains("Latency by percentile") && page.contains("Messages per second"));
    }

    /**
     * The timeline's per-interval inputs sum to the run's total, no second lost or counted twice; but for an
     * input per bot at most, that a bot's timer sent while the duration ended.
     */
    private static void assertTimelineAddsUp(Path json, double inputs, int bots) throws IOException {
        double sum = 0;
        int intervals = 0;
        try (JsonParser p = new JsonFactory().createParser(Files.readString(json))) {
            JsonToken t;
            boolean inTimeline = false;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME && p.currentName().equals("timeline")) {
                    inTimeline = true;
                } else if (inTimeline && t == JsonToken.FIELD_NAME && p.currentName().equals("inputs")) {
                    p.nextToken();
                    sum += p.getDoubleValue();
                    intervals++;
                }
            }
        }
        assertTrue(intervals >= 3, "about one interval a second: " + intervals);
        assertTrue(sum <= inputs && sum >= inputs - bots, "the timeline adds up to the total inputs: " + sum + " of "
                + inputs);
    }

    private static double steadyStatesPerSecond(Path json) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(Files.readString(json))) {
            boolean inSteady = false;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME && p.currentName().equals("steadyState")) {
                    inSteady = true;
                } else if (inSteady && t == JsonToken.FIELD_NAME && p.currentName().equals("statesPerSecond")) {
                    p.nextToken();
                    return p.getDoubleValue();
                }
            }
        }
        throw new AssertionError("no steady state in " + json);
    }

    private static int playersSeated(GameScenarioServer server) {
        return server.games().matches().list(Map.of()).stream().mapToInt(MatchHandle::playerCount).sum();
    }

    private static Map<String, Double> topLevelNumbers(Path json) throws IOException {
        Map<String, Double> numbers = new HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(Files.readString(json))) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value.isNumeric()) {
                    numbers.put(name, p.getDoubleValue());
                } else {
                    p.skipChildren();
                }
            }
        }
        return numbers;
    }

    private static double latencyCount(Path json, String latency) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(Files.readString(json))) {
            boolean inLatency = false;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME && p.currentName().equals(latency)) {
                    inLatency = true;
                } else if (inLatency && t == JsonToken.FIELD_NAME && p.currentName().equals("count")) {
                    p.nextToken();
                    return p.getDoubleValue();
                }
            }
        }
        throw new AssertionError("no latency " + latency + " in " + json);
    }
}
