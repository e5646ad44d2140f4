package io.tickwire.net.launch;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValueType;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The resolved options of one launch (flags over environment over file over {@code reference.conf}), read by
 * type. Every read error names the option with its flag and environment variable. Immutable; any thread.
 */
public final class LaunchConfig {
    private final Config config;
    private final Config given;
    private final Map<String, LaunchOption> byPath;

    /** @param given what the flags, variables and file set, without the defaults (unresolved; {@code config} is resolved) */
    LaunchConfig(Config config, Config given, Map<String, LaunchOption> byPath) {
        this.config = config;
        this.given = given;
        this.byPath = byPath;
    }

    /** The whole Typesafe configuration, for options of your own. */
    public Config config() {
        return config;
    }

    /** Whether a flag, an environment variable or the config file set {@code path} (false: it has its default). */
    public boolean isGiven(String path) {
        try {
            return given.hasPathOrNull(path);
        } catch (ConfigException.NotResolved e) {
            return true;        // a substitution in the file: set there, whatever it resolves to
        }
    }

    public String string(String path) {
        return read(path, () -> config.getString(path));
    }

    public boolean bool(String path) {
        return read(path, () -> config.getBoolean(path));
    }

    public int integer(String path) {
        return read(path, () -> config.getInt(path));
    }

    /** An int of at least {@code min}. */
    public int integer(String path, int min) {
        int value = integer(path);
        if (value < min) {
            throw invalid(path, "must be at least " + min + ", was " + value);
        }
        return value;
    }

    /** A duration ({@code 10s}, {@code 250ms}, or a number of milliseconds); never negative. */
    public Duration duration(String path) {
        Duration value = read(path, () -> config.getDuration(path));
        if (value.isNegative()) {
            throw invalid(path, "must not be negative, was " + value);
        }
        return value;
    }

    /** A list written as a HOCON list or as one comma-separated string; blanks dropped. */
    public List<String> list(String path) {
        return read(path, () -> config.getValue(path).valueType() == ConfigValueType.LIST
                ? config.getStringList(path)
                : Arrays.stream(config.getString(path).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    /** An error about {@code path}'s value, naming it the way the user may have set it. */
    public InvalidOptionException invalid(String path, String problem) {
        LaunchOption option = byPath.get(path);
        return new InvalidOptionException((option == null ? path : option.displayName()) + ": " + problem);
    }

    private interface Read<T> {
        T get();
    }

    private <T> T read(String path, Read<T> read) {
        try {
            return read.get();
        } catch (ConfigException.Missing e) {
            throw invalid(path, "is not set");
        } catch (ConfigException.WrongType | ConfigException.BadValue e) {
            String value;
            try {
                value = "'" + config.getValue(path).unwrapped() + "'";
            } catch (ConfigException ignored) {
                value = "an unreadable value";
            }
            throw invalid(path, "cannot be " + value + " (" + e.getMessage().replaceFirst("^.*?: ", "") + ")");
        }
    }
}
