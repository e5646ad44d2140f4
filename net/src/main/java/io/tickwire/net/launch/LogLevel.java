package io.tickwire.net.launch;

import java.util.List;
import java.util.Locale;

/**
 * The {@code tickwire.log.level} option ({@code --log-level}, {@code TICKWIRE_LOG_LEVEL}): the level of every
 * logger that {@code simplelogger.properties} or a {@code -Dorg.slf4j.simpleLogger.log.<package>} property does
 * not set otherwise. slf4j-simple reads its default level once, as the first logger is made, so
 * {@link Launcher#start} applies the option before anything logs. Left at its default, the option gives way
 * to a {@code -Dorg.slf4j.simpleLogger.defaultLogLevel} the JVM was started with ({@code TICKWIRE_JAVA_OPTS}).
 */
public final class LogLevel {
    /** The option's configuration path. */
    public static final String PATH = "tickwire.log.level";
    /** The system property slf4j-simple reads its default level from. */
    static final String SIMPLE_LOGGER_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";
    /** The levels slf4j-simple knows, most detailed first; {@code off} logs nothing. */
    static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error", "off");

    private LogLevel() {
    }

    /**
     * The level {@code config} asks for, in lower case.
     *
     * @throws InvalidOptionException naming the option when it is not one of {@link #LEVELS}
     */
    public static String of(LaunchConfig config) {
        String level = config.string(PATH).trim().toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(level)) {
            throw config.invalid(PATH, "must be one of " + String.join(", ", LEVELS) + ", was '" + config.string(PATH) + "'");
        }
        return level;
    }

    /**
     * Sets slf4j-simple's default level from {@code config} (validated as {@link #of}), unless the option was
     * not given and the JVM already names a level. Call on the starting thread before any logger is made.
     */
    public static void apply(LaunchConfig config) {
        String level = of(config);
        if (config.isGiven(PATH) || System.getProperty(SIMPLE_LOGGER_PROPERTY) == null) {
            System.setProperty(SIMPLE_LOGGER_PROPERTY, level);
        }
    }
}
