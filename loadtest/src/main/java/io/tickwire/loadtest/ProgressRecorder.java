package io.tickwire.loadtest;

import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the runner does once a second: drains the bots' {@link LoadMetrics}, prints the live progress line
 * (overwriting itself on one terminal line), keeps the interval as a {@link RunSecond} for the timeline, and
 * adds it to the {@link SteadyState} once every bot has joined.
 *
 * <p>Not thread-safe: the runner's thread only.
 */
final class ProgressRecorder {
    private final LoadMetrics metrics;
    private final int bots;
    private final List<LoadBot> botList;
    private final PrintStream progress;
    private final List<RunSecond> timeline = new ArrayList<>();
    private final Histogram steadyDelivery = new Histogram(3);
    private final Histogram steadyAckRoundTrip = new Histogram(3);
    private RunSecond steadyTotals;
    private double steadyFrom = -1;
    private double lastSeconds;
    private long lastInputs;
    private long lastStates;
    private long lastAcks;
    private long lastBytesOut;
    private long lastBytesIn;
    private long lastCpuNanos;

    /**
     * @param progress where the progress line goes, or null for none
     * @param startCpu the process CPU when the first bot started
     */
    ProgressRecorder(LoadMetrics metrics, List<LoadBot> bots, PrintStream progress, ProcessCpu.Reading startCpu) {
        this.metrics = metrics;
        this.bots = bots.size();
        this.botList = bots;
        this.progress = progress;
        this.lastCpuNanos = startCpu.totalNanos();
    }

    /**
     * Ends the interval at {@code elapsedSeconds} since the first bot started.
     *
     * @param measuring false after the duration (only the totals still take what arrives)
     */
    void endInterval(double elapsedSeconds, boolean measuring) {
        metrics.drain();
        if (!measuring) {
            return;
        }
        Histogram delivery = metrics.intervalDelivery();
        long inputs = metrics.inputsSent.sum();
        long states = metrics.statesReceived.sum();
        long acks = metrics.acksReceived.sum();
        long bytesOut = 0;
        long bytesIn = 0;
        for (LoadBot bot : botList) {
            bytesOut += bot.bytesSent();
            bytesIn += bot.bytesReceived();
        }
        long cpuNanos = ProcessCpu.read().totalNanos();
        RunSecond second = new RunSecond(elapsedSeconds, elapsedSeconds - lastSeconds,
                metrics.botsConnectedNow.get(), inputs - lastInputs, states - lastStates, acks - lastAcks,
                bytesOut - lastBytesOut, bytesIn - lastBytesIn, delivery.getValueAtPercentile(50) / 1000.0,
                delivery.getValueAtPercentile(99) / 1000.0, cpuNanos - lastCpuNanos);
        timeline.add(second);
        if (steadyFrom >= 0) {
            addToSteadyState(second);
        } else if (metrics.botsEverConnected.sum() >= bots) {
            // the interval that saw the last join is still ramp; steady state begins after it
            steadyFrom = elapsedSeconds;
        }
        printProgress(second);
        lastSeconds = elapsedSeconds;
        lastInputs = inputs;
        lastStates = states;
        lastAcks = acks;
        lastBytesOut = bytesOut;
        lastBytesIn = bytesIn;
        lastCpuNanos = cpuNanos;
    }

    private void addToSteadyState(RunSecond s) {
        steadyDelivery.add(metrics.intervalDelivery());
        steadyAckRoundTrip.add(metrics.intervalAckRoundTrip());
        RunSecond t = steadyTotals;
        steadyTotals = t == null ? s : new RunSecond(s.endSeconds(), t.seconds() + s.seconds(), s.botsConnected(),
                t.inputs() + s.inputs(), t.states() + s.states(), t.acks() + s.acks(), t.bytesOut() + s.bytesOut(),
                t.bytesIn() + s.bytesIn(), 0, 0, t.cpuNanos() + s.cpuNanos());
    }

    private void printProgress(RunSecond s) {
        if (progress == null) {
            return;
        }
        Histogram acks = metrics.intervalAckRoundTrip();
        progress.printf(Locale.ROOT, "\r%5.0fs bots %d/%d | in %.0f msg/s %.0f kB/s | out %.0f msg/s %.0f kB/s"
                        + " | delivery p50 %.1f p99 %.1f ms | ack p99 %.1f ms | cpu %.0f%% | errors %d ",
                s.endSeconds(), s.botsConnected(), bots, s.statesPerSecond() + s.acksPerSecond(),
                s.bytesInPerSecond() / 1000, s.inputsPerSecond(), s.bytesOutPerSecond() / 1000, s.deliveryP50Ms(),
                s.deliveryP99Ms(), acks.getValueAtPercentile(99) / 1000.0, s.cpuCores() * 100, metrics.errors.sum());
        progress.flush();
    }

    /** Every interval so far, oldest first. */
    List<RunSecond> timeline() {
        return List.copyOf(timeline);
    }

    /** The run after every bot joined, or null if it never came to that (or lasted less than an interval). */
    SteadyState steadyState() {
        RunSecond t = steadyTotals;
        if (t == null) {
            return null;
        }
        return new SteadyState(steadyFrom, t.seconds(), t.inputsPerSecond(), t.statesPerSecond(), t.acksPerSecond(),
                t.bytesOutPerSecond(), t.bytesInPerSecond(), LoadTestReport.Latency.of(steadyDelivery),
                LoadTestReport.Latency.of(steadyAckRoundTrip), t.cpuNanos() / 1e6 / bots / t.seconds());
    }
}
