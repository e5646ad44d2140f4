package io.tickwire.loadtest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one finished run: counts, rates and latency percentiles (milliseconds), printable as a
 * text table and writable as JSON. Immutable.
 */
record LoadTestReport(String scenario, String url, String transport, String parser, int bots, double durationSeconds,
                      long botsConnected, long inputsSent, long statesReceived, long fullSnapshots, long actionsSent, long acksReceived,
                      long errors, long disconnects, long reconnects, long bytesSent, long bytesReceived,
                      double runnerCpuSeconds, Map<String, Latency> latencies) {

    /** Percentiles of one latency, in milliseconds. */
    record Latency(long count, double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs) {
        static Latency of(Histogram micros) {
            return new Latency(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
                    ms(micros.getValueAtPercentile(90)), ms(micros.getValueAtPercentile(99)),
                    ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()));
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
        out.append(String.format(Locale.ROOT, "  runner CPU       %.2f s (%.3f ms per bot-second)%n", runnerCpuSeconds,
                runnerCpuMsPerBotSecond()));
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
            json.writeObjectFieldStart("latenciesMs");
            for (Map.Entry<String, Latency> e : latencies.entrySet()) {
                Latency l = e.getValue();
                json.writeObjectFieldStart(e.getKey());
                json.writeNumberField("count", l.count());
                json.writeNumberField("p50", l.p50Ms());
                json.writeNumberField("p90", l.p90Ms());
                json.writeNumberField("p99", l.p99Ms());
                json.writeNumberField("p999", l.p999Ms());
                json.writeNumberField("max", l.maxMs());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
        }
    }
}
