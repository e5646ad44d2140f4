package io.tickwire.net.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Fails a test when a {@code ByteBuf} that was allocated while it ran (or before) is garbage-collected
 * without being released. Registered for every test of this module by JUnit's extension auto-detection
 * ({@code META-INF/services}); needs paranoid leak detection and {@link RecordingLeakDetector}.
 *
 * <p>Netty only notices a collected, unreleased buffer when it tracks the next one, so after each test
 * this collects garbage and allocates a few tracked buffers to drain the detector's reference queue.
 */
public final class LeakDetectionExtension implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(10);
            ByteBuf probe = ByteBufAllocator.DEFAULT.buffer(1);
            probe.release();
        }
        if (!RecordingLeakDetector.LEAKS.isEmpty()) {
            List<String> leaks = new ArrayList<>(RecordingLeakDetector.LEAKS);
            RecordingLeakDetector.LEAKS.clear();
            throw new AssertionError(leaks.size() + " ByteBuf leak(s) detected during or before "
                    + context.getDisplayName() + ":\n" + String.join("\n\n", leaks));
        }
    }
}
