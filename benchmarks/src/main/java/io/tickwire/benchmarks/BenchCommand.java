package io.tickwire.benchmarks;

import io.tickwire.benchmarks.compare.CompareCommand;
import java.nio.file.Files;
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
 *   ./run bench jmh [pattern] [extra JMH args]   JMH with -prof gc; JSON result under benchmarks/results/
 *   ./run bench compare [--quick] [options]      side-by-side comparison with peer servers (CompareCommand)
 * </pre>
 *
 * Exit codes: 0 done, 1 benchmark failure, 2 usage error or unavailable command.
 */
public final class BenchCommand {
    private static final Path RESULTS = Path.of("benchmarks", "results");

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
            case "jmh":
                return jmh(Arrays.copyOfRange(args, 1, args.length));
            case "compare":
                return CompareCommand.run(Arrays.copyOfRange(args, 1, args.length));
            default:
                System.err.println("bench: unknown command '" + args[0] + "'\n" + usage());
                return 2;
        }
    }

    private static int jmh(String[] args) throws Exception {
        List<String> jmhArgs = new ArrayList<>();
        int extra = 0;
        if (args.length > 0 && !args[0].startsWith("-")) {
            jmhArgs.add(args[0]);
            extra = 1;
        }
        Files.createDirectories(RESULTS);
        Path result = RESULTS.resolve("jmh-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
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
        try {
            new Runner(options).run();
        } catch (RunnerException e) {
            System.err.println("bench jmh: " + e.getMessage());
            return 1;
        }
        System.out.println("bench jmh: results in " + result);
        return 0;
    }

    private static String usage() {
        return """
                usage: ./run bench jmh [pattern] [extra JMH args]   run JMH benchmarks matching pattern (regex) with -prof gc,
                                                                    writing JSON to benchmarks/results/jmh-<time>.json
                       ./run bench compare [--quick] [options]      compare with the Node socket.io server and netty-socketio,
                                                                    updating benchmarks/RESULTS.md and benchmarks/compare.png
                                                                    (./run bench compare --help for the options)""";
    }
}
