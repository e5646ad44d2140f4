package io.tickwire.benchmarks;

import io.tickwire.benchmarks.compare.CompareCommand;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * {@code ./run bench ...}: the benchmark launcher.
 *
 * <pre>
 *   ./run bench jmh [pattern] [extra JMH args]   JMH with -prof gc; JSON result under benchmarks/results/,
 *                                                a summary section per pattern in benchmarks/RESULTS.md
 *   ./run bench compare [--quick] [options]      side-by-side comparison with peer servers (CompareCommand)
 * </pre>
 *
 * Exit codes: 0 done, 1 benchmark failure, 2 usage error or unavailable command.
 */
public final class BenchCommand {

    private BenchCommand() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            System.out.println(usage());
            return args.length == 0 ? 2 : 0;
        }
        switch (args[0]) {
            case "jmh": {
                Path root = Machine.repositoryRoot();
                return jmh(Arrays.copyOfRange(args, 1, args.length), root.resolve("benchmarks/RESULTS.md"),
                        root.resolve("benchmarks/results"));
            }
            case "compare":
                return CompareCommand.run(Arrays.copyOfRange(args, 1, args.length));
            default:
                System.err.println("bench: unknown command '" + args[0] + "'\n" + usage());
                return 2;
        }
    }

    /**
     * Runs JMH, writes its JSON into {@code jsonDir} and replaces the run's summary section (one per pattern)
     * in {@code resultsMd}.
     */
    static int jmh(String[] args, Path resultsMd, Path jsonDir) throws Exception {
        List<String> jmhArgs = new ArrayList<>();
        int extra = 0;
        String pattern = "";
        if (args.length > 0 && !args[0].startsWith("-")) {
            pattern = args[0];
            jmhArgs.add(args[0]);
            extra = 1;
        }
        Files.createDirectories(jsonDir);
        Path result = jsonDir.resolve("jmh-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + ".json");
        jmhArgs.addAll(List.of("-prof", "gc", "-rf", "json", "-rff", result.toString()));
        jmhArgs.addAll(Arrays.asList(args).subList(extra, args.length));
        CommandLineOptions options;
        try {
            options = new CommandLineOptions(jmhArgs.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            System.err.println("bench jmh: " + e.getMessage());
            return 2;
        }
        if (options.shouldHelp() || options.shouldList() || options.shouldListWithParams()
                || options.shouldListProfilers() || options.shouldListResultFormats()) {
            org.openjdk.jmh.Main.main(args);
            return 0;
        }
        String date = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(Instant.now().atOffset(ZoneOffset.UTC));
        Collection<RunResult> results;
        try {
            results = new Runner(options).run();
        } catch (RunnerException e) {
            System.err.println("bench jmh: " + e.getMessage());
            return 1;
        }
        MarkedSection section = JmhSummary.sectionFor(pattern);
        section.writeTo(resultsMd, section.wrap(JmhSummary.render(pattern, date,
                "./run bench jmh " + String.join(" ", args), results)));
        System.out.println("bench jmh: results in " + result + ", summary in " + resultsMd);
        return 0;
    }

    private static String usage() {
        return """
                usage: ./run bench jmh [pattern] [extra JMH args]   run JMH benchmarks matching pattern (regex) with -prof gc,
                                                                    writing JSON to benchmarks/results/jmh-<time>.json
                                                                    and a summary section to benchmarks/RESULTS.md
                       ./run bench compare [--quick] [options]      compare with the Node socket.io server and netty-socketio,
                                                                    updating benchmarks/RESULTS.md and benchmarks/compare.png
                                                                    (./run bench compare --help for the options)""";
    }
}
