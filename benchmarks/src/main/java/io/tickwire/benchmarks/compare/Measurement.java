package io.tickwire.benchmarks.compare;

/**
 * What {@code bench compare} measured for one server at one size: server CPU per delivered state (over the
 * steady window, after every client connected), memory per connection (mid-run minus before the run),
 * delivery latency over the whole run (milliseconds) and the share of the expected states that arrived.
 *
 * @param cpuMicrosPerMessage server CPU (user + system, all threads) per delivered state, in microseconds
 * @param rssPerConnection    resident set growth per connected client, bytes
 * @param heapPerConnection   heap (after a full GC) growth per connected client, bytes
 * @param delivered           states received / (inputs sent × room size)
 * @param statesPerSecond     states delivered per second over the steady window
 * @param steady              every client was connected during the whole CPU window (else the window holds
 *                            handshakes and the CPU figure is not a per-message cost)
 * @param note                why a figure is missing or suspect, or empty
 */
record Measurement(Contender contender, int clients, int roomSize, long connected, double cpuMicrosPerMessage,
                   double rssPerConnection, double heapPerConnection, double p50, double p99, double p999,
                   double delivered, double statesPerSecond, boolean steady, String note) {

    /** The latency bound of "sustained" (issue 11's target: p99 under 50 ms). */
    static final double SUSTAINED_P99_MS = 50;
    /** States that must arrive for a size to count as sustained. */
    static final double SUSTAINED_DELIVERED = 0.99;

    /** Every client connected, p99 under 50 ms and at least 99% of the states arrived. */
    boolean sustained() {
        return connected >= clients && p99 < SUSTAINED_P99_MS && delivered >= SUSTAINED_DELIVERED;
    }

    static Measurement failed(Contender contender, int clients, int roomSize, String note) {
        return new Measurement(contender, clients, roomSize, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, 0, 0, false, note);
    }

    boolean ok() {
        return !Double.isNaN(cpuMicrosPerMessage);
    }
}
