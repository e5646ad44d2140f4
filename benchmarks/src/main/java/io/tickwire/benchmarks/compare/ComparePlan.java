package io.tickwire.benchmarks.compare;

import java.util.List;

/**
 * What one {@code bench compare} run does: every contender, in order, at every room size and client count
 * (ascending), each load run lasting {@code runMs}, within {@code budgetMs} overall (runs that would not fit
 * are skipped and reported so).
 *
 * @param stateHz  states each client receives per second: a bot sends {@code stateHz / roomSize} inputs a
 *                 second, each fanned out to its room
 * @param warmupMs a first, unrecorded load run per server (JIT, pools), or 0
 * @param tickwireIo the Tickwire servers' {@code --io-transport} ({@code auto}, {@code epoll}, {@code io_uring},
 *                 {@code nio})
 * @param tickwireIoThreads the Tickwire servers' event loops, 0 for one per core
 */
record ComparePlan(List<Contender> contenders, List<Integer> clients, List<Integer> roomSizes, double stateHz,
                   long runMs, long warmupMs, long budgetMs, String tickwireIo,
                   int tickwireIoThreads) {
    /** Start, warm-up probe and stop of a server, beyond its warm-up run. */
    static final long SERVER_OVERHEAD_MS = 4_000;
    /**
     * Per load run beyond its duration: the loadtest JVM's start, its quiet wait, the probes, a pause
     * (measured: 7 to 8 s on the loaded 2-core machine).
     */
    static final long RUN_OVERHEAD_MS = 8_000;
    static final long MIN_RUN_MS = 5_000;
    static final long MAX_RUN_MS = 30_000;

    ComparePlan(List<Contender> contenders, List<Integer> clients, List<Integer> roomSizes, double stateHz,
                long runMs, long warmupMs, long budgetMs) {
        this(contenders, clients, roomSizes, stateHz, runMs, warmupMs, budgetMs, "auto", 0);
    }

    ComparePlan {
        contenders = List.copyOf(contenders);
        clients = clients.stream().sorted().toList();
        roomSizes = List.copyOf(roomSizes);
        if (tickwireIoThreads < 0) {
            throw new IllegalArgumentException("--tickwire-io-threads must be >= 0: " + tickwireIoThreads);
        }
        if (contenders.isEmpty() || clients.isEmpty() || roomSizes.isEmpty()) {
            throw new IllegalArgumentException("need at least one server, one client count and one room size");
        }
        for (int c : clients) {
            if (c < 1 || c > 20_000) {
                throw new IllegalArgumentException("client counts must be in [1, 20000]: " + c);
            }
        }
        for (int r : roomSizes) {
            if (r < 1 || r > 10_000 || stateHz / r < 0.1 || stateHz / r > 100) {
                throw new IllegalArgumentException("room size " + r + " at " + stateHz
                        + " Hz state gives an input rate outside loadtest's [0.1, 100] Hz");
            }
        }
    }

    /** The longest run that fits {@code budgetMs}, between 5 and 30 s. */
    static long runMsWithin(long budgetMs, int contenders, int runsPerContender, long warmupMs) {
        long fixed = contenders * (SERVER_OVERHEAD_MS + warmupMs + RUN_OVERHEAD_MS)
                + (long) contenders * runsPerContender * RUN_OVERHEAD_MS;
        long perRun = (budgetMs - fixed) / Math.max(1, (long) contenders * runsPerContender);
        return Math.max(MIN_RUN_MS, Math.min(MAX_RUN_MS, perRun));
    }

    int runsPerContender() {
        return clients.size() * roomSizes.size();
    }

    /**
     * Bots started per second: about 3 s of ramp up to 1,500 clients, at most 500 connections a second
     * (faster ramps made WebSocket handshakes time out on the shared 2-core machine).
     */
    static int rampPerSecond(int clients) {
        return Math.max(100, Math.min(500, clients / 3));
    }

    static int rampSeconds(int clients) {
        return (int) Math.ceil((double) clients / rampPerSecond(clients));
    }

    /** Load-run length for {@code clients}: the planned run, stretched to leave 5 s after the ramp. */
    long runMsFor(int clients) {
        return Math.max(runMs, (rampSeconds(clients) + 5) * 1000L);
    }
}
