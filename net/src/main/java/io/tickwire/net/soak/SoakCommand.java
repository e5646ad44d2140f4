package io.tickwire.net.soak;

/**
 * {@code ./run soak [--minutes N] [--polite-bots N] [--rude-bots N] [--max-growth-mib N]}: a soak of N
 * minutes (default 30) with a heap sample each minute; exits 1 if the heap retained more than the bound
 * (default 32 MiB) from the first sample to the last, a ByteBuf leaked, or sessions outlived their bots.
 */
public final class SoakCommand {
    private SoakCommand() {
    }

    public static void main(String[] args) throws InterruptedException {
        LeakCounter.install();
        long minutes = 30;
        int polite = 8;
        int rude = 2;
        long maxGrowthMib = 32;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--minutes" -> minutes = Long.parseLong(args[i + 1]);
                case "--polite-bots" -> polite = Integer.parseInt(args[i + 1]);
                case "--rude-bots" -> rude = Integer.parseInt(args[i + 1]);
                case "--max-growth-mib" -> maxGrowthMib = Long.parseLong(args[i + 1]);
                default -> {
                    System.err.println("soak: unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        System.out.printf("soak: %d min, %d polite + %d rude bots, heap after GC each minute%n", minutes, polite, rude);
        SoakRun.Report report = SoakRun.run(new SoakRun.Options(minutes * 60_000, 60_000, polite, rude),
                System.out::println);
        HeapSample last = report.samples().get(report.samples().size() - 1);
        long growthMib = report.retainedGrowthBytes() / (1024 * 1024);
        System.out.printf("soak: %d connections, %d failed exchanges, retained growth %d MiB, %d ByteBuf leaks, "
                + "%d sessions left%n", report.connections(), report.failures(), growthMib, LeakCounter.leaks(),
                last.openSessions());
        boolean pass = growthMib <= maxGrowthMib && LeakCounter.leaks() == 0 && last.openSessions() == 0;
        System.out.println(pass ? "soak: PASS" : "soak: FAIL");
        System.exit(pass ? 0 : 1);
    }
}
