package io.tickwire.benchmarks.compare;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * {@code java ... HeapProbe <main class> [args]}: runs a JVM peer server's {@code main} and answers each
 * {@code heap} line on stdin with {@code {"heapUsed":N}} on stdout (bytes in use after a full GC), so that
 * {@code bench compare} measures every server's heap the same way (the Node peers get
 * {@code benchmarks/peers/heap-probe.mjs}). The probe runs on one daemon thread; the server's own output is
 * untouched.
 */
public final class HeapProbe {
    private HeapProbe() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("usage: HeapProbe <main class> [args]");
            System.exit(2);
        }
        Thread probe = new Thread(HeapProbe::answer, "heap-probe");
        probe.setDaemon(true);
        probe.start();
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        try {
            Class.forName(args[0]).getMethod("main", String[].class).invoke(null, (Object) rest);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void answer() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.trim().equals("heap")) {
                    System.out.println("{\"heapUsed\":" + heapUsedAfterGc() + "}");
                    System.out.flush();
                }
            }
        } catch (java.io.IOException e) {
            // stdin closed: the compare run is over
        }
    }

    static long heapUsedAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
