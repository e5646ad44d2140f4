package io.tickwire.benchmarks;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

import java.util.Collection;
import java.util.Locale;

/**
 * The markdown summary of one {@code bench jmh} run for RESULTS.md: date, machine, JDK, and per benchmark
 * and parameter set the median of the measurement iterations with the score's error (JMH's 99.9%
 * confidence half-width), the mean, and the allocation per operation when {@code -prof gc} ran.
 */
final class JmhSummary {
    private static final String ALLOC = "·gc.alloc.rate.norm";

    private JmhSummary() {
    }

    /** The section's marker, one per pattern so that runs of different patterns keep each other's summary. */
    static MarkedSection sectionFor(String pattern) {
        return MarkedSection.named("bench jmh " + (pattern.isEmpty() ? "(all)" : pattern));
    }

    static String render(String pattern, String date, String command, Collection<RunResult> results) {
        StringBuilder md = new StringBuilder();
        md.append("## JMH: `").append(pattern.isEmpty() ? "all benchmarks" : pattern).append("`\n\n");
        md.append(String.format(Locale.ROOT, "Run on %s: %s, load average %s at the end. Command: `%s`.%n%n",
                date, Machine.describe(), Machine.loadAverage(), command));
        md.append("| benchmark | parameters | mode | median | ± error | mean | unit | alloc B/op |\n");
        md.append("| --- | --- | --- | ---: | ---: | ---: | --- | ---: |\n");
        for (RunResult run : results) {
            Result<?> primary = run.getPrimaryResult();
            String name = run.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            StringBuilder params = new StringBuilder();
            for (String key : run.getParams().getParamsKeys()) {
                params.append(params.length() == 0 ? "" : ", ").append(key).append('=').append(run.getParams().getParam(key));
            }
            Result<?> alloc = run.getSecondaryResults().get(ALLOC);
            md.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s | %s | %s | %s | %s |%n", name, params,
                    run.getParams().getMode().shortLabel(), number(primary.getStatistics().getPercentile(50)),
                    number(primary.getScoreError()), number(primary.getScore()), primary.getScoreUnit(),
                    alloc == null ? "–" : number(alloc.getScore())));
        }
        return md.toString();
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double abs = Math.abs(v);
        return String.format(Locale.ROOT, abs >= 100 ? "%,.0f" : abs >= 1 ? "%.2f" : "%.4f", v);
    }
}
