package io.tickwire.net.launch;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.io.File;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a server's options from, highest first: command-line flags, environment variables
 * ({@link LaunchOption#env()}, then its extra ones), the HOCON file given by {@code --config} or
 * {@code TICKWIRE_CONFIG}, and every {@code reference.conf} on the classpath (the defaults). {@code --help}
 * lists every option with its default. Applications add their own options beside {@link ServerOptions#ALL}.
 *
 * <p>Immutable; any thread.
 */
public final class Launcher {
    private final String command;
    private final String description;
    private final List<LaunchOption> options;
    private final Map<String, LaunchOption> byPath = new HashMap<>();

    /**
     * @param command     how the program is started, for the usage line (e.g. {@code ./run})
     * @param description one line on what it starts
     * @param appOptions  the application's own options (defaults in its {@code reference.conf}), listed after the server's
     */
    public Launcher(String command, String description, List<LaunchOption> appOptions) {
        this.command = command;
        this.description = description;
        List<LaunchOption> all = new ArrayList<>(ServerOptions.ALL);
        all.addAll(appOptions);
        this.options = List.copyOf(all);
        for (LaunchOption option : options) {
            if (byPath.put(option.path(), option) != null) {
                throw new IllegalArgumentException("two options for " + option.path());
            }
        }
    }

    /** The outcome of reading the arguments: options to start with, or a help text to print instead. */
    public record Parsed(LaunchConfig config, String help) {
        public boolean isHelp() {
            return help != null;
        }
    }

    /**
     * Reads {@code args} and {@code env}.
     *
     * @throws InvalidOptionException for an unknown flag, a flag without its value, an unreadable config file
     */
    public Parsed parse(String[] args, Map<String, String> env) {
        CommandLine cli = new CommandLine(spec(ConfigFactory.defaultReference()));
        ParseResult result;
        try {
            result = cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new InvalidOptionException(e.getMessage() + " (try --help)");
        }
        if (result.isUsageHelpRequested()) {
            return new Parsed(null, cli.getUsageMessage());
        }
        Map<String, Object> fromFlags = new LinkedHashMap<>();
        Map<String, Object> fromEnv = new LinkedHashMap<>();
        for (LaunchOption option : options) {
            if (result.hasMatchedOption(option.flag())) {
                fromFlags.put(option.path(), result.matchedOptionValue(option.flag(), ""));
            }
            String value = env.get(option.env());
            for (int i = 0; value == null && i < option.extraEnv().size(); i++) {
                value = env.get(option.extraEnv().get(i));
            }
            if (value != null) {
                fromEnv.put(option.path(), value);
            }
        }
        String file = result.matchedOptionValue(ServerOptions.CONFIG_FILE.flag(), env.get(ServerOptions.CONFIG_FILE.env()));
        Config fileConfig = ConfigFactory.empty();
        if (file != null && !file.isEmpty()) {
            if (!new File(file).isFile()) {
                throw new InvalidOptionException(ServerOptions.CONFIG_FILE.displayName() + ": no such file " + file);
            }
            try {
                fileConfig = ConfigFactory.parseFile(new File(file), ConfigParseOptions.defaults().setAllowMissing(false));
            } catch (com.typesafe.config.ConfigException e) {
                throw new InvalidOptionException(ServerOptions.CONFIG_FILE.displayName() + ": " + e.getMessage());
            }
        }
        Config given = ConfigFactory.parseMap(fromFlags, "command-line flags")
                .withFallback(ConfigFactory.parseMap(fromEnv, "environment variables"))
                .withFallback(fileConfig);
        Config config = given.withFallback(ConfigFactory.defaultReference()).resolve();
        return new Parsed(new LaunchConfig(config, given, Map.copyOf(byPath)), null);
    }

    /** The {@code --help} text. */
    public String usage() {
        return new CommandLine(spec(ConfigFactory.defaultReference())).getUsageMessage();
    }

    /**
     * Parses and starts: prints the help and returns null for {@code --help}; prints the error and exits with
     * status 2 for an invalid option (the message names it). Otherwise sets the log level ({@link LogLevel}),
     * which works only if no logger was made before this call, and returns what {@code start} started.
     */
    public <T> T start(String[] args, Map<String, String> env, Starter<T> start, PrintStream out, PrintStream err) {
        try {
            Parsed parsed = parse(args, env);
            if (parsed.isHelp()) {
                out.print(parsed.help());
                return null;
            }
            LogLevel.apply(parsed.config());
            return start.start(parsed.config());
        } catch (InvalidOptionException e) {
            err.println(command + ": " + e.getMessage());
            System.exit(2);
            return null;
        }
    }

    /** Starts a program from its options. */
    @FunctionalInterface
    public interface Starter<T> {
        /** @throws InvalidOptionException naming an option whose value cannot be used */
        T start(LaunchConfig config);
    }

    private CommandSpec spec(Config defaults) {
        CommandSpec spec = CommandSpec.create().name(command).mixinStandardHelpOptions(false);
        spec.usageMessage().abbreviateSynopsis(true);
        spec.usageMessage().description(description,
                "Options come from, highest first: these flags, environment variables (shown after each option), "
                        + "the --config file (HOCON), the defaults shown.")
                .width(110).sortOptions(false);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("show this help").build());
        spec.addOption(option(ServerOptions.CONFIG_FILE, ""));
        for (LaunchOption option : options) {
            spec.addOption(option(option, defaults.hasPath(option.path()) ? render(defaults.getValue(option.path())) : ""));
        }
        return spec;
    }

    private static OptionSpec option(LaunchOption option, String defaultValue) {
        StringBuilder env = new StringBuilder(option.env());
        for (String extra : option.extraEnv()) {
            env.append(", ").append(extra);
        }
        String text = option.description() + (defaultValue.isEmpty() ? "" : " (default: " + defaultValue + ")")
                + " [" + env + "]";
        OptionSpec.Builder b = OptionSpec.builder(option.flag()).description(text).type(String.class);
        if (option.isToggle()) {
            b.arity("0..1").paramLabel("true|false").fallbackValue("true");
        } else {
            b.arity("1").paramLabel(option.label());
        }
        return b.build();
    }

    private static String render(ConfigValue value) {
        Object raw = value.unwrapped();
        return raw instanceof String s && s.isEmpty() ? "\"\"" : String.valueOf(raw);
    }
}
