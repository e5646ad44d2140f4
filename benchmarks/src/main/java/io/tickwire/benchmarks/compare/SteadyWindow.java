package io.tickwire.benchmarks.compare;

/**
 * Follows a load run's progress lines and samples the server: its CPU time from the first second in which
 * every client is connected (or the ramp should have ended) to the last second, the states delivered in
 * that window, and once, half-way through, its RSS and heap. The CPU spent by the heap probe's full GC is
 * left out. Used by one thread.
 */
final class SteadyWindow implements LoadRun.ProgressListener {
    private final ServerProcess server;
    private final int rampSeconds;
    private final int plannedSteadySeconds;
    private int lines;
    private boolean started;
    private int seconds;
    private long states;
    private double cpuStart;
    private double cpuEnd;
    private double probeCpu;
    private boolean probed;
    private long rssMid = -1;
    private long heapMid = -1;
    private int connectedMid;

    /**
     * @param rampSeconds          when to start the window at the latest, if some clients never connect
     * @param plannedSteadySeconds the expected window length (the probe runs half-way)
     */
    SteadyWindow(ServerProcess server, int rampSeconds, int plannedSteadySeconds) {
        this.server = server;
        this.rampSeconds = rampSeconds;
        this.plannedSteadySeconds = Math.max(2, plannedSteadySeconds);
    }

    @Override
    public void onSecond(int botsConnected, int bots, long statesLastSecond) throws InterruptedException {
        lines++;
        if (!started) {
            if (botsConnected >= bots || lines > rampSeconds + 1) {
                started = true;
                cpuStart = server.cpuSeconds();
                cpuEnd = cpuStart;
            }
            return;
        }
        seconds++;
        states += statesLastSecond;
        cpuEnd = server.cpuSeconds();
        if (!probed && seconds >= plannedSteadySeconds / 2) {
            probed = true;
            connectedMid = botsConnected;
            rssMid = server.rssBytes();
            double before = server.cpuSeconds();
            heapMid = server.heapUsedBytes();
            probeCpu = server.cpuSeconds() - before;
            cpuEnd = server.cpuSeconds();
        }
    }

    boolean measured() {
        return started && seconds >= 2 && states > 0;
    }

    /** Server CPU per delivered state in the window, microseconds. */
    double cpuMicrosPerMessage() {
        return (cpuEnd - cpuStart - probeCpu) * 1e6 / states;
    }

    double statesPerSecond() {
        return seconds == 0 ? 0 : (double) states / seconds;
    }

    boolean probed() {
        return probed && connectedMid > 0;
    }

    long rssMid() {
        return rssMid;
    }

    long heapMid() {
        return heapMid;
    }

    int connectedMid() {
        return connectedMid;
    }
}
