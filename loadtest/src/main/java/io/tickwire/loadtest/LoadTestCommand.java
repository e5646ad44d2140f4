package io.tickwire.loadtest;

import io.tickwire.net.server.IoTransport;
import io.tickwire.net.socketio.parser.ParserKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ./run loadtest [options]}: simulated clients against any Socket.IO server URL;
 * {@code ./run loadtest serve --port N}, the broadcast scenario's server on our stack; and
 * {@code ./run loadtest serve-game --port N}, the game scenario's server. Exit codes: 0 done, 1 the run
 * failed or crossed a {@code --fail-if} threshold, 2 bad options.
 */
@Command(name = "loadtest", mixinStandardHelpOptions = true,
        subcommands = {ServeCommand.class, ServeGameCommand.class},
        description = "Simulated Socket.IO clients against a server; prints a report (see loadtest/README.md).")
public final class LoadTestCommand implements Callable<Integer> {
    /** The scenarios (loadtest/README.md). */
    enum Scenario { BROADCAST, GAME }

    @Option(names = "--scenario", defaultValue = "broadcast", description = "broadcast | game")
    String scenario;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:3000", description = "the server, http://host:port")
    URI url;

    @Option(names = "--bots", defaultValue = "100", description = "simulated clients (max 20000)")
    int bots;

    @Option(names = "--ramp", defaultValue = "100", description = "bots started per second")
    int rampPerSecond;

    @Option(names = "--duration", defaultValue = "30s", converter = DurationConverter.class,
            description = "whole run including the ramp: 500ms, 30s, 2m (1s to 1h)")
    long durationMs;

    @Option(names = "--input-hz", defaultValue = "10", description = "inputs per second per bot")
    double inputHz;

    @Option(names = "--action-hz", defaultValue = "1", description = "acknowledged actions per second per bot")
    double actionHz;

    @Option(names = "--parser", description = "json | msgpack (default json for broadcast, msgpack for game)")
    String parser;

    @Option(names = "--transport", defaultValue = "websocket", description = "websocket | polling | upgrade")
    String transport;

    @Option(names = "--namespace", description = "the namespace the bots join (default / for broadcast, /game for game)")
    String namespace;

    @Option(names = "--seed", defaultValue = "1", description = "seeds the bots' timer phases")
    long seed;

    @Option(names = "--room-size", defaultValue = "10", description = "bots per room (the fan-out of an input)")
    int roomSize;

    @Option(names = "--threads", defaultValue = "1", description = "event loop threads of the bots")
    int threads;
    @Option(names = "--io-transport", defaultValue = "auto",
            description = "socket implementation of the bots: auto (io_uring where it loads, else epoll, else nio), "
                    + "io_uring, epoll or nio")
    String ioTransport;

    @Option(names = "--json", description = "also write the report as JSON to this file")
    Path json;

    @Option(names = "--html", description = "also write the report as an HTML page with plots to this file")
    Path html;

    @Option(names = "--report-dir", description = "also write report.txt, report.json and report.html here")
    Path reportDir;

    @Option(names = "--fail-if", description = "exit with status 1 when the report crosses this threshold, "
            + "e.g. p99-ack>50ms, errors>0, connected<1000 (repeatable)")
    List<String> failIf = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadTestCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        // the runner measures its own CPU: Netty's default leak sampling records a stack trace for one buffer
        // in 128, about a thousand a second here, and the reference count check on every buffer access touches
        // one more cold cache line per bot; net's tests run this code with both (paranoid). Before Netty loads.
        defaultProperty("io.netty.leakDetection.level", "disabled");
        defaultProperty("io.netty.buffer.checkAccessible", "false");
        Scenario chosen;
        try {
            chosen = Scenario.valueOf(scenario.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("--scenario must be broadcast or game: " + scenario);
            return 2;
        }
        RunConfig config;
        List<FailCondition> thresholds = new ArrayList<>();
        try {
            config = toConfig(chosen);
            for (String condition : failIf) {
                thresholds.add(FailCondition.parse(condition));
            }
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
        ScenarioRunner runner = chosen == Scenario.GAME
                ? new ScenarioRunner("game", GameBot::new, config, WallClock.system())
                : new ScenarioRunner("broadcast", BroadcastBot::new, config, WallClock.system());
        LoadTestReport report = runner.run(System.err);
        spec.commandLine().getOut().print(report.toText());
        spec.commandLine().getOut().flush();
        if (json != null) {
            report.writeJson(json);
        }
        if (html != null) {
            HtmlReport.write(report, html);
        }
        if (reportDir != null) {
            Files.createDirectories(reportDir);
            report.writeText(reportDir.resolve("report.txt"));
            report.writeJson(reportDir.resolve("report.json"));
            HtmlReport.write(report, reportDir.resolve("report.html"));
        }
        int exit = 0;
        for (FailCondition condition : thresholds) {
            if (condition.isCrossedBy(report)) {
                spec.commandLine().getErr().printf(Locale.ROOT, "fail-if crossed: %s (was %.3f)%n",
                        condition.text(), condition.valueIn(report));
                exit = 1;
            }
        }
        return exit;
    }

    /** Sets a system property the user did not set (with -D). */
    private static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    RunConfig toConfig(Scenario chosen) {
        String parserName = parser != null ? parser : chosen == Scenario.GAME ? "msgpack" : "json";
        ParserKind parserKind = switch (parserName.toLowerCase(Locale.ROOT)) {
            case "json", "default" -> ParserKind.DEFAULT;
            case "msgpack" -> ParserKind.MSGPACK;
            default -> throw new IllegalArgumentException("--parser must be json or msgpack: " + parser);
        };
        TransportMode mode;
        try {
            mode = TransportMode.valueOf(transport.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--transport must be websocket, polling or upgrade: " + transport);
        }
        IoTransport io;
        try {
            io = ioTransport.trim().equalsIgnoreCase("auto") ? runnerIoTransport() : IoTransport.parse(ioTransport);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--io-transport: " + e.getMessage(), e);
        }
        return new RunConfig(url, bots, rampPerSecond, durationMs, inputHz, actionHz, parserKind, mode,
                namespace != null ? namespace : chosen == Scenario.GAME ? "/game" : "/", seed, roomSize, threads, io,
                json);
    }

    /**
     * io_uring where it loads: it submits a loop turn's reads and writes in one system call, which made the
     * game runner about a fifth cheaper than epoll's call per socket (benchmarks/RESULTS.md); else the best.
     */
    static IoTransport runnerIoTransport() {
        return IoTransport.IO_URING.isAvailable() ? IoTransport.IO_URING : IoTransport.best();
    }
}
