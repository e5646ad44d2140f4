package io.tickwire.benchmarks.compare;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The PNG of a compare run: server CPU per delivered message (steady rows only: a window that held
 * handshakes is left out) and p99 delivery latency against the number of clients, one line per server ×
 * parser × room size, both on logarithmic axes. Rendered headless.
 */
final class ComparePlot {
    private ComparePlot() {
    }

    static void write(List<Measurement> measurements, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart cpu = chart("Server CPU per delivered message (every client connected)", "CPU µs per message (log)",
                measurements.stream().filter(Measurement::steady).toList(), Measurement::cpuMicrosPerMessage);
        XYChart p99 = chart("p99 delivery latency", "p99 ms (log)", measurements, Measurement::p99);
        BitmapEncoder.saveBitmap(List.of(cpu, p99), 1, 2, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static XYChart chart(String title, String yTitle, List<Measurement> measurements,
                                 ToDoubleFunction<Measurement> y) {
        XYChart chart = new XYChartBuilder().width(800).height(700).title(title).xAxisTitle("clients")
                .yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setYAxisLogarithmic(true);
        Map<String, List<Measurement>> series = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            if (m.ok() && y.applyAsDouble(m) > 0) {
                series.computeIfAbsent(m.contender().label() + ", rooms of " + m.roomSize(), k -> new ArrayList<>()).add(m);
            }
        }
        for (Map.Entry<String, List<Measurement>> e : series.entrySet()) {
            double[] xs = e.getValue().stream().mapToDouble(Measurement::clients).toArray();
            double[] ys = e.getValue().stream().mapToDouble(y).toArray();
            chart.addSeries(e.getKey(), xs, ys);
        }
        if (series.isEmpty()) {
            chart.addSeries("no measurement", new double[] {0}, new double[] {1});
        }
        return chart;
    }
}
