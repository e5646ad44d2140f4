package io.tickwire.loadtest;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A {@link LoadTestReport} as one self-contained HTML page: the text table, the latency percentile
 * distributions, and messages, bytes, delivery latency and the runner's CPU over time. The charts are drawn by
 * XChart into PNGs embedded as {@code data:} URLs, so the file can be mailed or archived by CI on its own.
 *
 * <p>Sets {@code java.awt.headless=true} unless it was set (charts are drawn without a display). Not
 * thread-safe (AWT rendering of one page at a time is all a run needs).
 */
final class HtmlReport {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;
    /** The percentile axis ends at 99.999 %: five nines. */
    private static final double MAX_NINES = 5;

    private HtmlReport() {
    }

    /** Writes {@code report} as HTML to {@code file}. */
    static void write(LoadTestReport report, Path file) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        StringBuilder html = new StringBuilder(256 * 1024);
        html.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title(report))).append("</title>\n<style>body{font-family:sans-serif;margin:2em;"
                        + "max-width:960px}pre{background:#f4f4f4;padding:1em;overflow-x:auto}img{max-width:100%}"
                        + "</style></head><body>\n<h1>").append(escape(title(report))).append("</h1>\n<pre>")
                .append(escape(report.toText())).append("</pre>\n");
        figure(html, "Latency by percentile", latencyPercentiles(report));
        figure(html, "Messages per second", messagesOverTime(report.timeline()));
        figure(html, "Bytes per second", bytesOverTime(report.timeline()));
        figure(html, "State delivery latency per second", deliveryOverTime(report.timeline()));
        figure(html, "Runner CPU", cpuOverTime(report.timeline()));
        html.append("</body></html>\n");
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    private static String title(LoadTestReport report) {
        return String.format(Locale.ROOT, "Tickwire loadtest: %s scenario, %d bots, %s", report.scenario(),
                report.bots(), report.url());
    }

    private static void figure(StringBuilder html, String caption, XYChart chart) throws IOException {
        byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        html.append("<h2>").append(escape(caption)).append("</h2>\n<img alt=\"").append(escape(caption))
                .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
                .append("\">\n");
    }

    /**
     * The classic HdrHistogram plot: x is the number of nines, log10(1 / (1 - percentile)), so 90 %, 99 %,
     * 99.9 % are evenly spaced and the tail is visible.
     */
    private static XYChart latencyPercentiles(LoadTestReport report) {
        XYChart chart = chart("percentile", "milliseconds");
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(MAX_NINES)
                .setxAxisTickLabelsFormattingFunction(HtmlReport::percentileLabel);
        for (Map.Entry<String, LoadTestReport.Latency> e : report.latencies().entrySet()) {
            LoadTestReport.Latency l = e.getValue();
            if (l.count() == 0) {
                continue;
            }
            int n = 0;
            double[] x = new double[l.curvePercentiles().length];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double nines = -Math.log10(1 - Math.min(l.curvePercentiles()[i], 99.999) / 100);
                if (n == 0 || nines > x[n - 1]) {
                    x[n] = nines;
                    y[n++] = l.curveMs()[i];
                }
            }
            chart.addSeries(e.getKey(), Arrays.copyOf(x, n), Arrays.copyOf(y, n));
        }
        if (chart.getSeriesMap().isEmpty()) {
            chart.addSeries("no samples", new double[] {1}, new double[] {0});
        }
        return chart;
    }

    private static String percentileLabel(double nines) {
        String digits = String.format(Locale.ROOT, "%.4f", 100 * (1 - Math.pow(10, -nines)));
        return digits.replaceAll("\\.?0+$", "") + "%";
    }

    private static XYChart messagesOverTime(List<RunSecond> timeline) {
        XYChart chart = chart("seconds", "messages per second");
        series(chart, "states received", timeline, RunSecond::statesPerSecond);
        series(chart, "inputs sent", timeline, RunSecond::inputsPerSecond);
        series(chart, "acks received", timeline, RunSecond::acksPerSecond);
        XYSeries bots = series(chart, "bots connected", timeline, r -> r.botsConnected());
        bots.setYAxisGroup(1);
        chart.setYAxisGroupTitle(1, "bots connected");
        return chart;
    }

    private static XYChart bytesOverTime(List<RunSecond> timeline) {
        XYChart chart = chart("seconds", "kB per second");
        series(chart, "received", timeline, r -> r.bytesInPerSecond() / 1000);
        series(chart, "sent", timeline, r -> r.bytesOutPerSecond() / 1000);
        return chart;
    }

    private static XYChart deliveryOverTime(List<RunSecond> timeline) {
        XYChart chart = chart("seconds", "milliseconds");
        series(chart, "p50", timeline, RunSecond::deliveryP50Ms);
        series(chart, "p99", timeline, RunSecond::deliveryP99Ms);
        return chart;
    }

    private static XYChart cpuOverTime(List<RunSecond> timeline) {
        XYChart chart = chart("seconds", "% of one core");
        series(chart, "runner process", timeline, r -> 100 * r.cpuCores());
        return chart;
    }

    private static XYChart chart(String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).xAxisTitle(xTitle).yAxisTitle(yTitle)
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW).setMarkerSize(3)
                .setChartBackgroundColor(Color.WHITE);
        return chart;
    }

    private static XYSeries series(XYChart chart, String name, List<RunSecond> timeline,
                                   ToDoubleFunction<RunSecond> value) {
        double[] x = new double[Math.max(1, timeline.size())];
        double[] y = new double[x.length];
        for (int i = 0; i < timeline.size(); i++) {
            x[i] = timeline.get(i).endSeconds();
            y[i] = value.applyAsDouble(timeline.get(i));
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        return series;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
