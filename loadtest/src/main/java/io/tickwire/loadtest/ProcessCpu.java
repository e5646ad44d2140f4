package io.tickwire.loadtest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time this whole process has used (every thread: event loops, GC, JIT, the progress line), split
 * into user and kernel time: what the runner costs the machine, as opposed to what the server under test
 * costs. Read from {@code /proc/self/stat} (utime and stime, in clock ticks of 10 ms); where that file does
 * not exist, the total comes from {@link com.sun.management.OperatingSystemMXBean} and the kernel share is
 * unknown (0). Thread-safe.
 */
final class ProcessCpu {
    private static final Path STAT = Path.of("/proc/self/stat");
    /** USER_HZ: 100 on every Linux architecture the JDK runs on. */
    private static final long NANOS_PER_CLOCK_TICK = 10_000_000L;

    /** CPU time used so far, in nanoseconds. */
    record Reading(long userNanos, long kernelNanos) {
        long totalNanos() {
            return userNanos + kernelNanos;
        }

        /** The CPU used from {@code earlier} to this reading. */
        Reading since(Reading earlier) {
            return new Reading(userNanos - earlier.userNanos, kernelNanos - earlier.kernelNanos);
        }
    }

    private ProcessCpu() {
    }

    /** The process's CPU time until now. */
    static Reading read() {
        if (Files.isReadable(STAT)) {
            try {
                return parseStat(Files.readString(STAT));
            } catch (IOException | RuntimeException e) {
                // fall through to the management bean
            }
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return new Reading(Math.max(0, os.getProcessCpuTime()), 0);
        }
        return new Reading(0, 0);
    }

    /**
     * Parses a {@code /proc/PID/stat} line (proc(5)): utime and stime are fields 14 and 15, counted after the
     * command name, which sits in parentheses and may itself hold spaces and parentheses.
     */
    static Reading parseStat(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is field 3 (state): utime (14) is fields[11], stime (15) fields[12]
        return new Reading(Long.parseLong(fields[11]) * NANOS_PER_CLOCK_TICK,
                Long.parseLong(fields[12]) * NANOS_PER_CLOCK_TICK);
    }
}
