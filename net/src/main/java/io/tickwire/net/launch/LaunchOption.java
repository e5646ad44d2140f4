package io.tickwire.net.launch;

import java.util.List;
import java.util.Locale;

/**
 * One option a server can be given: its path in the HOCON configuration (its default lives in a
 * {@code reference.conf}), the command-line flag that sets it, and the environment variables that do.
 *
 * @param path        the configuration path, e.g. {@code tickwire.server.port}
 * @param flag        the long flag, e.g. {@code --port}
 * @param label       what the flag's value is, for {@code --help}, e.g. {@code N}; empty for a boolean switch
 * @param description one line for {@code --help}
 * @param extraEnv    environment variables read besides the derived one (e.g. {@code PORT}), weaker than it
 */
public record LaunchOption(String path, String flag, String label, String description, List<String> extraEnv) {

    public LaunchOption {
        if (!flag.startsWith("--")) {
            throw new IllegalArgumentException("flag must start with --: " + flag);
        }
        extraEnv = List.copyOf(extraEnv);
    }

    /** An option set by {@code flag VALUE}. */
    public static LaunchOption of(String path, String flag, String label, String description) {
        return new LaunchOption(path, flag, label, description, List.of());
    }

    /** A boolean option: {@code flag} alone means true, {@code flag=false} turns it off. */
    public static LaunchOption toggle(String path, String flag, String description) {
        return new LaunchOption(path, flag, "", description, List.of());
    }

    /** The same option also read from {@code env} when the derived variable is not set. */
    public LaunchOption alsoFromEnv(String env) {
        List<String> all = new java.util.ArrayList<>(extraEnv);
        all.add(env);
        return new LaunchOption(path, flag, label, description, all);
    }

    /** The derived environment variable: {@code tickwire.server.port} is {@code TICKWIRE_SERVER_PORT}. */
    public String env() {
        return path.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Whether it is a switch (no value after the flag). */
    public boolean isToggle() {
        return label.isEmpty();
    }

    /** How errors name it: path, flag and variable, so the user finds it whichever way it was set. */
    public String displayName() {
        return path + " (" + flag + ", " + env() + ")";
    }
}
