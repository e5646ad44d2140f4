package io.tickwire.loadtest;

/**
 * The run after its ramp: from the first progress interval that begins with every bot joined, to the end
 * of the duration. Ramp, matchmaking and JIT warm-up are left out, so these are the figures to compare
 * between runs and the runner's cost per bot that holds at scale. Immutable.
 *
 * @param fromSeconds             where it began, seconds since the first bot started
 * @param seconds                 its length
 * @param inputsPerSecond         inputs sent per second
 * @param statesPerSecond         states received per second
 * @param acksPerSecond           acks received per second
 * @param bytesOutPerSecond       Engine.IO bytes sent per second
 * @param bytesInPerSecond        Engine.IO bytes received per second
 * @param delivery                state delivery latency in it
 * @param ackRoundTrip            ack round trips in it
 * @param runnerCpuMsPerBotSecond the runner process's CPU per bot per second, milliseconds
 */
record SteadyState(double fromSeconds, double seconds, double inputsPerSecond, double statesPerSecond,
                   double acksPerSecond, double bytesOutPerSecond, double bytesInPerSecond,
                   LoadTestReport.Latency delivery, LoadTestReport.Latency ackRoundTrip,
                   double runnerCpuMsPerBotSecond) {
}
