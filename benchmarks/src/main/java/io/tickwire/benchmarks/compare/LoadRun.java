package io.tickwire.benchmarks.compare;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of the loadtest broadcast workload ({@code io.tickwire.loadtest.LoadTestCommand}) as its own JVM
 * against a server: reports each progress line (one a second) as it comes, and returns the run's JSON report.
 * Blocking; the caller's thread gets the progress callbacks.
 */
final class LoadRun {
    /**
     * A progress line: {@code bots 12/100 | in 1990 msg/s ...} (states + acks received per second; the
     * compare workload sends no actions) or, from older loadtest builds, {@code bots 12/100 | inputs 199/s |
     * states 1990/s ...}.
     */
    private static final Pattern PROGRESS = Pattern.compile(
            "bots (\\d+)/(\\d+) \\| (?:in ([\\d.]+) msg/s|inputs \\d+/s \\| states (\\d+)/s)");

    /** One progress line of the loadtest: bots connected now, and states delivered in the last second. */
    interface ProgressListener {
        void onSecond(int botsConnected, int bots, long statesLastSecond) throws InterruptedException;
    }

    /** What a finished run reported (loadtest's JSON report; latencies in milliseconds). */
    record Report(long botsConnected, long inputsSent, long statesReceived, long errors, long disconnects,
                  double durationSeconds, double deliveryP50, double deliveryP99, double deliveryP999,
                  double deliveryMax, double connectP99, double runnerCpuSeconds) {
    }

    private LoadRun() {
    }

    /**
     * The loadtest command line of one run.
     *
     * @param inputHz inputs per second per bot
     */
    static List<String> command(String classpath, int port, String parser, int clients, int roomSize,
                                double inputHz, long durationMs, int rampPerSecond, Path json) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", classpath, "io.tickwire.loadtest.LoadTestCommand",
                "--scenario", "broadcast", "--url", "http://127.0.0.1:" + port,
                "--bots", Integer.toString(clients), "--room-size", Integer.toString(roomSize),
                "--ramp", Integer.toString(rampPerSecond), "--duration", durationMs + "ms",
                "--input-hz", String.format(Locale.ROOT, "%.3f", inputHz), "--action-hz", "0",
                "--parser", parser, "--transport", "websocket", "--threads", "2", "--json", json.toString()));
        return command;
    }

    /** Runs {@code command} to its end (killing it after {@code timeoutMs}) and reads its JSON report. */
    static Report run(List<String> command, Path directory, Path json, Path log, long timeoutMs,
                      ProgressListener listener) throws IOException, InterruptedException {
        Files.deleteIfExists(json);
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        try (InputStream err = process.getErrorStream()) {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = err.read()) != -1) {
                if (b == '\r' || b == '\n') {
                    onLine(line.toString(), listener);
                    line.setLength(0);
                } else {
                    line.append((char) b);
                }
                if (System.nanoTime() > deadline) {
                    break;
                }
            }
            if (!process.waitFor(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())),
                    TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("loadtest did not finish within " + timeoutMs + " ms");
            }
        } finally {
            process.destroyForcibly();
        }
        if (process.exitValue() != 0 || !Files.exists(json)) {
            throw new IllegalStateException("loadtest failed (exit " + process.exitValue() + "); see " + log);
        }
        return parseReport(Files.readString(json, StandardCharsets.UTF_8));
    }

    static void onLine(String line, ProgressListener listener) throws InterruptedException {
        Matcher m = PROGRESS.matcher(line);
        if (m.find()) {
            String received = m.group(3) != null ? m.group(3) : m.group(4);
            listener.onSecond(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Math.round(Double.parseDouble(received)));
        }
    }

    @SuppressWarnings("unchecked")
    static Report parseReport(String json) {
        Map<String, Object> root;
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            parser.nextToken();
            root = (Map<String, Object>) read(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> latencies = (Map<String, Object>) root.get("latenciesMs");
        Map<String, Object> delivery = (Map<String, Object>) latencies.get("delivery");
        Map<String, Object> connect = (Map<String, Object>) latencies.get("connect");
        return new Report(num(root, "botsConnected").longValue(), num(root, "inputsSent").longValue(),
                num(root, "statesReceived").longValue(), num(root, "errors").longValue(),
                num(root, "disconnects").longValue(), num(root, "durationSeconds").doubleValue(),
                num(delivery, "p50").doubleValue(), num(delivery, "p99").doubleValue(),
                num(delivery, "p999").doubleValue(), num(delivery, "max").doubleValue(),
                num(connect, "p99").doubleValue(), num(root, "runnerCpuSeconds").doubleValue());
    }

    private static Number num(Map<String, Object> map, String key) {
        if (!(map.get(key) instanceof Number n)) {
            throw new IllegalStateException("loadtest report has no number '" + key + "'");
        }
        return n;
    }

    private static Object read(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    String key = p.currentName();
                    p.nextToken();
                    map.put(key, read(p));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p));
                }
                return list;
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getNumberValue();
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            default -> {
                return null;
            }
        }
    }
}
