package io.tickwire.loadtest;

/**
 * One interval of a run (about a second; the last one may be shorter), as the progress line saw it: what
 * happened in it, for the throughput-over-time plots and the JSON timeline. Immutable.
 *
 * @param endSeconds     seconds since the first bot started, at the end of the interval
 * @param seconds        the interval's length
 * @param botsConnected  bots connected at its end
 * @param inputs         inputs sent in it
 * @param states         states received in it
 * @param acks           acks received in it
 * @param bytesOut       Engine.IO bytes the bots sent in it
 * @param bytesIn        Engine.IO bytes the bots received in it
 * @param deliveryP50Ms  the interval's median state delivery latency (0 without states)
 * @param deliveryP99Ms  its 99th percentile
 * @param cpuNanos       the runner process's CPU time in it
 */
record RunSecond(double endSeconds, double seconds, int botsConnected, long inputs, long states, long acks,
                 long bytesOut, long bytesIn, double deliveryP50Ms, double deliveryP99Ms, long cpuNanos) {

    double inputsPerSecond() {
        return inputs / seconds;
    }

    double statesPerSecond() {
        return states / seconds;
    }

    double acksPerSecond() {
        return acks / seconds;
    }

    double bytesOutPerSecond() {
        return bytesOut / seconds;
    }

    double bytesInPerSecond() {
        return bytesIn / seconds;
    }

    /** The runner's CPU in this interval as a share of one core (1.0 = one core busy). */
    double cpuCores() {
        return cpuNanos / 1e9 / seconds;
    }
}
