package io.tickwire.loadtest;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code --fail-if} threshold, e.g. {@code p99-ack>50ms}, {@code errors>0}, {@code connected<1000}: a
 * run that crosses it exits with status 1, for CI. Metrics: the counts {@code errors}, {@code disconnects},
 * {@code reconnects}, {@code connected}, {@code states}, {@code acks}; and the latencies
 * {@code p50|p90|p99|p999|max-<connect|ack|delivery|jitter>} in {@code ms} (the default) or {@code s}.
 * Immutable.
 */
record FailCondition(String text, String metric, String operator, double threshold) {
    private static final Pattern SYNTAX = Pattern.compile("([a-z0-9-]+)\\s*(>=|<=|>|<)\\s*([0-9]+(?:\\.[0-9]+)?)(ms|s)?");
    private static final Map<String, String> LATENCIES = Map.of(
            "connect", "connect", "ack", "ackRoundTrip", "delivery", "delivery", "jitter", "jitter");

    /** @throws IllegalArgumentException naming {@code --fail-if} and what is wrong */
    static FailCondition parse(String text) {
        Matcher m = SYNTAX.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("--fail-if must look like p99-ack>50ms or errors>0: " + text);
        }
        String metric = m.group(1);
        double value = Double.parseDouble(m.group(3));
        boolean latency = metric.contains("-");
        if (latency) {
            String[] parts = metric.split("-", 2);
            if (!parts[0].matches("p50|p90|p99|p999|max") || !LATENCIES.containsKey(parts[1])) {
                throw new IllegalArgumentException("--fail-if: unknown latency '" + metric
                        + "' (p50|p90|p99|p999|max - connect|ack|delivery|jitter): " + text);
            }
            if ("s".equals(m.group(4))) {
                value *= 1000;
            }
        } else if (!metric.matches("errors|disconnects|reconnects|connected|states|acks")) {
            throw new IllegalArgumentException("--fail-if: unknown metric '" + metric + "': " + text);
        } else if (m.group(4) != null) {
            throw new IllegalArgumentException("--fail-if: '" + metric + "' is a count and takes no unit: " + text);
        }
        return new FailCondition(text, metric, m.group(2), value);
    }

    /** The metric's value in {@code report} (latencies in milliseconds). */
    double valueIn(LoadTestReport report) {
        switch (metric) {
            case "errors": return report.errors();
            case "disconnects": return report.disconnects();
            case "reconnects": return report.reconnects();
            case "connected": return report.botsConnected();
            case "states": return report.statesReceived();
            case "acks": return report.acksReceived();
            default: break;
        }
        String[] parts = metric.split("-", 2);
        LoadTestReport.Latency latency = report.latencies().get(LATENCIES.get(parts[1]));
        return switch (parts[0]) {
            case "p50" -> latency.p50Ms();
            case "p90" -> latency.p90Ms();
            case "p99" -> latency.p99Ms();
            case "p999" -> latency.p999Ms();
            default -> latency.maxMs();
        };
    }

    /** Whether {@code report} crosses this threshold. */
    boolean isCrossedBy(LoadTestReport report) {
        double value = valueIn(report);
        return switch (operator) {
            case ">" -> value > threshold;
            case ">=" -> value >= threshold;
            case "<" -> value < threshold;
            default -> value <= threshold;
        };
    }
}
