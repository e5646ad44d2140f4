package io.tickwire.net.soak;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The short soak of the build: 40 s of bots connecting, exchanging and leaving, politely or by hanging up
 * mid-handshake. Nothing may stay behind: no session once the heartbeats have run out, no heap growth
 * beyond noise between the first sample and the last, no ByteBuf leak (paranoid leak detection fails the
 * test through {@code LeakDetectionExtension}). {@code ./run soak --minutes 30} is the long version.
 */
class SoakTest {
    private static final long MAX_RETAINED_GROWTH_BYTES = 8 * 1024 * 1024;

    @Test
    void botsComingAndGoingLeaveNothingBehind() throws Exception {
        List<HeapSample> samples = new CopyOnWriteArrayList<>();
        SoakRun.Report report = SoakRun.run(new SoakRun.Options(40_000, 10_000, 4, 2), sample -> {
            samples.add(sample);
            System.out.println("soak: " + sample);
        });
        HeapSample last = report.samples().get(report.samples().size() - 1);
        System.out.printf("soak: %d connections, %d failures, retained growth %d KiB%n", report.connections(),
                report.failures(), report.retainedGrowthBytes() / 1024);
        assertTrue(report.connections() > 500, "the bots kept connecting: " + report.connections());
        assertEquals(0, report.failures(), "every polite exchange succeeded");
        assertEquals(0, last.openSessions(), "every session ended, including those abandoned mid-handshake");
        assertTrue(report.retainedGrowthBytes() < MAX_RETAINED_GROWTH_BYTES,
                "retained heap grew by " + report.retainedGrowthBytes() / 1024 + " KiB: " + samples);
    }
}
