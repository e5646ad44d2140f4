package io.tickwire.loadtest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one finished run: counts, rates and latency percentiles (milliseconds), the runner's own
 * CPU, the steady state after the ramp and the run second by second; printable as a text table, writable as
 * JSON and (with {@link HtmlReport}) as an HTML page. Immutable (the timeline list is unmodifiable).
 *
 * @param runnerCpuSeconds       the runner process's CPU time, user and kernel, every thread
 * @param runnerKernelCpuSeconds the kernel's part of it
 * @param eventLoopCpuSeconds    the bots' event loop threads' part of it
 * @param steadyState            the run after every bot joined, or null if that never happened
 * @param timeline               the run interval by interval (about one a second)
 */
record LoadTestReport(String scenario, String url, String transport, String parser, int bots, double durationSeconds,
                      long botsConnected, long inputsSent, long statesReceived, long fullSnapshots, long actionsSent, long acksReceived,
                      long errors, long disconnects, long reconnects, long bytesSent, long bytesReceived,
                      double runnerCpuSeconds, Map<String, Latency> latencies, double runnerKernelCpuSeconds,
                      double eventLoopCpuSeconds, SteadyState steadyState, List<RunSecond> timeline) {

    /**
     * Percentiles of one latency, in milliseconds, and its percentile curve for plotting
     * ({@code curvePercentiles[i]} % of the values are at or under {@code curveMs[i]}).
     */
    record Latency(long count, double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs,
                   double[] curvePercentiles, double[] curveMs) {
        private static final int CURVE_TICKS_PER_HALF_DISTANCE = 5;

        static Latency of(Histogram micros) {
            int points = 0;
            for (HistogramIterationValue ignored : micros.percentiles(CURVE_TICKS_PER_HALF_DISTANCE)) {
                points++;
            }
            double[] percentiles = new double[points];
            double[] values = new double[points];
            int i = 0;
            for (HistogramIterationValue v : micros.percentiles(CURVE_TICKS_PER_HALF_DISTANCE)) {
                percentiles[i] = v.getPercentileLevelIteratedTo();
                values[i++] = ms(v.getValueIteratedTo());
            }
            return new Latency(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
                    ms(micros.getValueAtPercentile(90)), ms(micros.getValueAtPercentile(99)),
                    ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()), percentiles, values);
        }

        private static double ms(long micros) {
            return micros / 1000.0;
        }
    }

    static Map<String, Latency> latenciesOf(LoadMetrics m) {
        Map<String, Latency> all = new LinkedHashMap<>();
        all.put("connect", Latency.of(m.totalConnect));
        all.put("ackRoundTrip", Latency.of(m.totalAckRoundTrip));
        all.put("delivery", Latency.of(m.totalDelivery));
        all.put("jitter", Latency.of(m.totalJitter));
        return all;
    }

    double inputsPerSecond() {
        return inputsSent / durationSeconds;
    }

    double statesPerSecond() {
        return statesReceived / durationSeconds;
    }

    /** The runner's own CPU time per bot per second of run, in milliseconds. */
    double runnerCpuMsPerBotSecond() {
        return runnerCpuSeconds * 1000 / bots / durationSeconds;
    }

    String toText() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s scenario against %s (%s, %s parser): %d bots, %.1f s%n",
                scenario, url, transport, parser, bots, durationSeconds));
        out.append(String.format(Locale.ROOT, "  bots connected   %d%n", botsConnected));
        out.append(String.format(Locale.ROOT, "  inputs sent      %d (%.0f/s)%n", inputsSent, inputsPerSecond()));
        out.append(String.format(Locale.ROOT, "  states received  %d (%.0f/s)%n", statesReceived, statesPerSecond()));
        if (fullSnapshots > 0) {
            out.append(String.format(Locale.ROOT, "  full snapshots   %d (the rest deltas)%n", fullSnapshots));
        }
        out.append(String.format(Locale.ROOT, "  actions / acks   %d / %d%n", actionsSent, acksReceived));
        out.append(String.format(Locale.ROOT, "  bytes out / in   %d / %d (%.0f / %.0f B/s)%n", bytesSent, bytesReceived,
                bytesSent / durationSeconds, bytesReceived / durationSeconds));
        out.append(String.format(Locale.ROOT, "  errors %d, disconnects %d, reconnects %d%n", errors, disconnects,
                reconnects));
        out.append(String.format(Locale.ROOT, "  runner CPU       %.2f s (%.0f%% kernel; event loops %.2f s): %.3f ms per "
                + "bot-second%n", runnerCpuSeconds, 100 * runnerKernelCpuSeconds / Math.max(1e-9, runnerCpuSeconds),
                eventLoopCpuSeconds, runnerCpuMsPerBotSecond()));
        SteadyState s = steadyState;
        if (s == null) {
            out.append(String.format(Locale.ROOT, "  steady state     not reached: %d of %d bots joined%n", botsConnected,
                    bots));
        } else {
            out.append(String.format(Locale.ROOT, "  steady state     %.1f s from %.1f s: %.0f states/s, %.0f inputs/s, %.0f acks/s,"
                            + " %.0f / %.0f B/s out / in; delivery p50 %.3f p99 %.3f ms, ack p50 %.3f p99 %.3f ms;"
                            + " runner %.3f ms per bot-second%n",
                    s.seconds(), s.fromSeconds(), s.statesPerSecond(), s.inputsPerSecond(), s.acksPerSecond(),
                    s.bytesOutPerSecond(), s.bytesInPerSecond(), s.delivery().p50Ms(), s.delivery().p99Ms(),
                    s.ackRoundTrip().p50Ms(), s.ackRoundTrip().p99Ms(), s.runnerCpuMsPerBotSecond()));
        }
        out.append(String.format(Locale.ROOT, "  %-14s %9s %9s %9s %9s %9s %9s%n", "latency (ms)", "count", "p50", "p90",
                "p99", "p99.9", "max"));
        for (Map.Entry<String, Latency> e : latencies.entrySet()) {
            Latency l = e.getValue();
            out.append(String.format(Locale.ROOT, "  %-14s %9d %9.3f %9.3f %9.3f %9.3f %9.3f%n", e.getKey(), l.count(),
                    l.p50Ms(), l.p90Ms(), l.p99Ms(), l.p999Ms(), l.maxMs()));
        }
        return out.toString();
    }

    /** Writes the report as one JSON object to {@code file}. */
    void writeJson(Path file) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             JsonGenerator json = new JsonFactory().createGenerator(writer)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("scenario", scenario);
            json.writeStringField("url", url);
            json.writeStringField("transport", transport);
            json.writeStringField("parser", parser);
            json.writeNumberField("bots", bots);
            json.writeNumberField("durationSeconds", durationSeconds);
            json.writeNumberField("botsConnected", botsConnected);
            json.writeNumberField("inputsSent", inputsSent);
            json.writeNumberField("statesReceived", statesReceived);
            json.writeNumberField("fullSnapshots", fullSnapshots);
            json.writeNumberField("actionsSent", actionsSent);
            json.writeNumberField("acksReceived", acksReceived);
            json.writeNumberField("errors", errors);
            json.writeNumberField("disconnects", disconnects);
            json.writeNumberField("reconnects", reconnects);
            json.writeNumberField("bytesSent", bytesSent);
            json.writeNumberField("bytesReceived", bytesReceived);
            json.writeNumberField("inputsPerSecond", inputsPerSecond());
            json.writeNumberField("statesPerSecond", statesPerSecond());
            json.writeNumberField("runnerCpuSeconds", runnerCpuSeconds);
            json.writeNumberField("runnerCpuMsPerBotSecond", runnerCpuMsPerBotSecond());
            json.writeNumberField("runnerKernelCpuSeconds", runnerKernelCpuSeconds);
            json.writeNumberField("eventLoopCpuSeconds", eventLoopCpuSeconds);
            json.writeObjectFieldStart("latenciesMs");
            for (Map.Entry<String, Latency> e : latencies.entrySet()) {
                writeLatency(json, e.getKey(), e.getValue());
            }
            json.writeEndObject();
            if (steadyState != null) {
                SteadyState s = steadyState;
                json.writeObjectFieldStart("steadyState");
                json.writeNumberField("fromSeconds", s.fromSeconds());
                json.writeNumberField("seconds", s.seconds());
                json.writeNumberField("inputsPerSecond", s.inputsPerSecond());
                json.writeNumberField("statesPerSecond", s.statesPerSecond());
                json.writeNumberField("acksPerSecond", s.acksPerSecond());
                json.writeNumberField("bytesSentPerSecond", s.bytesOutPerSecond());
                json.writeNumberField("bytesReceivedPerSecond", s.bytesInPerSecond());
                json.writeNumberField("runnerCpuMsPerBotSecond", s.runnerCpuMsPerBotSecond());
                writeLatency(json, "delivery", s.delivery());
                writeLatency(json, "ackRoundTrip", s.ackRoundTrip());
                json.writeEndObject();
            }
            json.writeArrayFieldStart("timeline");
            for (RunSecond r : timeline) {
                json.writeStartObject();
                json.writeNumberField("endSeconds", r.endSeconds());
                json.writeNumberField("seconds", r.seconds());
                json.writeNumberField("botsConnected", r.botsConnected());
                json.writeNumberField("inputs", r.inputs());
                json.writeNumberField("states", r.states());
                json.writeNumberField("acks", r.acks());
                json.writeNumberField("bytesSent", r.bytesOut());
                json.writeNumberField("bytesReceived", r.bytesIn());
                json.writeNumberField("deliveryP50Ms", r.deliveryP50Ms());
                json.writeNumberField("deliveryP99Ms", r.deliveryP99Ms());
                json.writeNumberField("runnerCpuSeconds", r.cpuNanos() / 1e9);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    /** Writes this report as text to {@code file}. */
    void writeText(Path file) throws IOException {
        Files.writeString(file, toText(), StandardCharsets.UTF_8);
    }

    private static void writeLatency(JsonGenerator json, String name, Latency l) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeNumberField("count", l.count());
        json.writeNumberField("p50", l.p50Ms());
        json.writeNumberField("p90", l.p90Ms());
        json.writeNumberField("p99", l.p99Ms());
        json.writeNumberField("p999", l.p999Ms());
        json.writeNumberField("max", l.maxMs());
        json.writeEndObject();
    }
}
