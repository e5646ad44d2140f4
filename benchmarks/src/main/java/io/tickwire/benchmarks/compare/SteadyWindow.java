package io.tickwire.benchmarks.compare;

/**
 * Follows a load run's progress lines and samples the server: its CPU time from the first second in which
 * every client is connected (or, if some never do, from half-way through the run) to the last second, the states delivered in
 * that window, and once, half-way through, its RSS and heap. The CPU spent by the heap probe's full GC is
 * left out. Used by one thread.
 */
final class SteadyWindow implements LoadRun.ProgressListener {
    private final ServerProcess server;
    private final int runSeconds;
    private final int rampSeconds;
    private int probeAfter;
    private int lines;
    private boolean started;
    private boolean allConnected;
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
     * @param runSeconds  the load run's length
     * @param rampSeconds how long starting every client should take
     */
    SteadyWindow(ServerProcess server, int runSeconds, int rampSeconds) {
        this.server = server;
        this.runSeconds = runSeconds;
        this.rampSeconds = rampSeconds;
    }

    @Override
    public void onSecond(int botsConnected, int bots, long statesLastSecond) throws InterruptedException {
        lines++;
        if (!started) {
            if ((botsConnected >= bots && lines > rampSeconds) || lines >= Math.max(rampSeconds + 1, runSeconds / 2)) {
                started = true;
                allConnected = botsConnected >= bots;
                probeAfter = Math.max(1, (runSeconds - lines) / 2);
                cpuStart = server.cpuSeconds();
                cpuEnd = cpuStart;
            }
            return;
        }
        seconds++;
        states += statesLastSecond;
        cpuEnd = server.cpuSeconds();
        if (!probed && seconds >= probeAfter) {
            probed = true;
            connectedMid = botsConnected;
            rssMid = server.rssBytes();
            double before = server.cpuSeconds();
            heapMid = server.heapUsedBytes();
            probeCpu = server.cpuSeconds() - before;
            cpuEnd = server.cpuSeconds();
        }
    }

    /** Whether every client was connected when the window began (else the window overlaps the connecting). */
    boolean allConnected() {
        return allConnected;
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
