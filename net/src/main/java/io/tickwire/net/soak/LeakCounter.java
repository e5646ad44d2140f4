package io.tickwire.net.soak;

import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the ByteBufs Netty finds garbage-collected without a release. {@link #install()} switches leak
 * detection to paranoid (every buffer tracked) and must run before the first buffer is allocated.
 */
final class LeakCounter {
    private static final AtomicLong LEAKS = new AtomicLong();

    private LeakCounter() {
    }

    static void install() {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new ResourceLeakDetectorFactory() {
            @Override
            @SuppressWarnings("deprecation") // the abstract method; Netty calls the two-argument one
            public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                                                                     long maxActive) {
                return newResourceLeakDetector(resource, samplingInterval);
            }

            @Override
            public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval) {
                return new CountingDetector<>(resource, samplingInterval);
            }
        });
    }

    /** Leaks reported so far (a leak is reported when the next buffer is tracked after its collection). */
    static long leaks() {
        return LEAKS.get();
    }

    private static final class CountingDetector<T> extends ResourceLeakDetector<T> {
        CountingDetector(Class<T> resource, int samplingInterval) {
            super(resource, samplingInterval);
        }

        @Override
        protected boolean needReport() {
            return true;
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
            LEAKS.incrementAndGet();
            super.reportTracedLeak(resourceType, records);
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
            LEAKS.incrementAndGet();
            super.reportUntracedLeak(resourceType);
        }
    }
}
