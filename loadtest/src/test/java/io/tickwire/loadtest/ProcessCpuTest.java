package io.tickwire.loadtest;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner's own CPU: read from /proc/self/stat, user and kernel apart. */
class ProcessCpuTest {
    @Test
    void readsUserAndKernelTicksAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 56 0 0 20 0 30 0 100 0 0";
        ProcessCpu.Reading reading = ProcessCpu.parseStat(stat);
        assertEquals(12_340_000_000L, reading.userNanos(), "utime 1234 ticks of 10 ms");
        assertEquals(560_000_000L, reading.kernelNanos(), "stime 56 ticks");
    }

    @Test
    void theProcessCpuGrowsAtLeastAsMuchAsThisThreadWorks() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ProcessCpu.Reading before = ProcessCpu.read();
        // spin for 200 ms of this thread's CPU (not of wall time: the machine may be busy with others)
        long spinUntil = threads.getCurrentThreadCpuTime() + 200_000_000L;
        long sink = 0;
        while (threads.getCurrentThreadCpuTime() < spinUntil) {
            sink += sink * 31 + 7;
        }
        ProcessCpu.Reading spent = ProcessCpu.read().since(before);
        assertTrue(spent.totalNanos() >= 180_000_000L, "200 ms of this thread's CPU, to a 10 ms tick: " + spent
                + " " + sink);
    }
}
