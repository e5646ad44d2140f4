package io.tickwire.net.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Node.js script run by a test, used to drive the official npm clients (engine.io-client,
 * socket.io-client, socket.io-msgpack-parser) against our server. Scripts speak to the test through
 * stdout, one line per fact (JSON by convention); stderr is kept for the failure message.
 *
 * <p>The npm packages are those pinned in the repository's {@code package-lock.json} and installed at
 * the repository root by {@code npm ci} ({@code .ci/run} does it). Always close the process
 * (try-with-resources): it is killed if still running.
 */
public final class NodeProcess implements AutoCloseable {
    private static final String EOF_MARKER = "\u0000eof";

    private final Process process;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final StringBuffer stderr = new StringBuffer();
    private final String description;

    private NodeProcess(Process process, String description) {
        this.process = process;
        this.description = description;
        pump(process.getInputStream(), line -> stdout.add(line), "stdout");
        pump(process.getErrorStream(), line -> stderr.append(line).append('\n'), "stderr");
    }

    /** The repository root: the nearest ancestor of the working directory holding {@code package.json}. */
    public static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("package.json")) && Files.isRegularFile(d.resolve("pom.xml"))
                    && !Files.isRegularFile(d.resolve("../package.json"))) {
                return d;
            }
        }
        throw new IllegalStateException("no repository root with package.json above " + dir);
    }

    /**
     * Starts {@code node script args…}. The script path is relative to the repository root, e.g.
     * {@code net/src/test/js/engineio-client.mjs}.
     *
     * @throws IllegalStateException if node or the npm packages are not installed
     */
    public static NodeProcess start(String script, String... args) {
        Path root = repositoryRoot();
        if (!Files.isDirectory(root.resolve("node_modules"))) {
            throw new IllegalStateException("npm packages are not installed: run `npm ci` in " + root);
        }
        List<String> command = new ArrayList<>();
        command.add("node");
        command.add(root.resolve(script).toString());
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(root.toFile()).start();
            return new NodeProcess(p, String.join(" ", command));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start node (is Node.js 20+ installed?): " + command, e);
        }
    }

    /** Sends one line to the script's stdin. */
    public void send(String line) {
        try {
            process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits for the next stdout line that matches, skipping (but remembering) the others.
     *
     * @throws AssertionError on timeout or if the script exits first, with everything it printed
     */
    public String awaitLine(Predicate<String> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left > 0 ? stdout.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                throw new AssertionError("timed out after " + timeout + " waiting for a line from " + diagnostics());
            }
            if (line.equals(EOF_MARKER)) {
                stdout.add(EOF_MARKER);
                throw new AssertionError("script ended before the expected line: " + diagnostics());
            }
            seen.add(line);
            if (match.test(line)) {
                return line;
            }
        }
    }

    /** Waits for the line that equals {@code expected}. */
    public String awaitLine(String expected, Duration timeout) throws InterruptedException {
        return awaitLine(expected::equals, timeout);
    }

    /** Waits for the script to exit and returns its exit code; kills it on timeout and fails. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("script did not exit within " + timeout + ": " + diagnostics());
        }
        return process.exitValue();
    }

    /** Every stdout line read so far, and the stderr, for assertion messages. */
    public String diagnostics() {
        List<String> pending = new ArrayList<>(stdout);
        return description + "\n--- stdout (consumed) ---\n" + String.join("\n", seen)
                + "\n--- stdout (pending) ---\n" + String.join("\n", pending)
                + "\n--- stderr ---\n" + stderr;
    }

    /** The process id, e.g. to send it a signal. */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void pump(InputStream in, java.util.function.Consumer<String> sink, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException ignored) {
                // the process was killed; what was read is kept
            } finally {
                if (name.equals("stdout")) {
                    stdout.add(EOF_MARKER);
                }
            }
        }, "node-" + name + "-" + process.pid());
        t.setDaemon(true);
        t.start();
    }
}
