package io.tickwire.benchmarks.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A peer server running as its own process: its port, and probes of its CPU time, RSS and heap. stdout is
 * read by a daemon thread; stderr goes to a log file (servers may log a lot under load). Not thread-safe:
 * one compare thread drives it. Close it to kill the process.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern PORT = Pattern.compile("\\{\"port\":(\\d+)}");
    private static final Pattern HEAP = Pattern.compile("\\{\"heapUsed\":(\\d+)}");
    private static final String EOF = "\u0000eof";

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final int port;

    private ServerProcess(Process process, Duration startTimeout) throws InterruptedException {
        this.process = process;
        Thread reader = new Thread(this::pump, "server-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        this.port = Integer.parseInt(await(PORT, startTimeout).group(1));
    }

    /**
     * Starts {@code command} in {@code directory}, its stderr appended to {@code log}, and waits until it
     * prints its port.
     *
     * @throws IllegalStateException if it exits or stays silent for {@code startTimeout}
     */
    static ServerProcess start(List<String> command, Path directory, Path log, Duration startTimeout)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            return new ServerProcess(process, startTimeout);
        } catch (RuntimeException | InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    double cpuSeconds() {
        return ProcStats.cpuSeconds(process.pid());
    }

    long rssBytes() {
        return ProcStats.rssBytes(process.pid());
    }

    /** Heap in use after a full GC, in bytes, as the server's own probe reports it. */
    long heapUsedBytes() throws InterruptedException {
        try {
            OutputStream in = process.getOutputStream();
            in.write("heap\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("server " + process.pid() + " no longer reads its stdin", e);
        }
        return Long.parseLong(await(HEAP, Duration.ofSeconds(20)).group(1));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private Matcher await(Pattern wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(EOF)) {
                if (line != null) {
                    lines.add(EOF);
                }
                throw new IllegalStateException("server " + process.pid() + " did not print " + wanted.pattern()
                        + (line == null ? " within " + timeout : ": it exited with " + exitCode()));
            }
            Matcher m = wanted.matcher(line.trim());
            if (m.matches()) {
                return m;
            }
        }
    }

    private String exitCode() {
        try {
            return Integer.toString(process.waitFor(1, TimeUnit.SECONDS) ? process.exitValue() : -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private void pump() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException ignored) {
            // killed: nothing more to read
        } finally {
            lines.add(EOF);
        }
    }
}
