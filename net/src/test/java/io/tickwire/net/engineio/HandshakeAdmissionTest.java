package io.tickwire.net.engineio;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class HandshakeAdmissionTest {
    private static final InetSocketAddress A = new InetSocketAddress("10.0.0.1", 5000);
    private static final InetSocketAddress B = new InetSocketAddress("10.0.0.2", 5000);

    @Test
    void countsHandshakesPerAddressInOneSecondWindows() {
        AtomicLong nanos = new AtomicLong();
        HandshakeAdmission admission = new HandshakeAdmission(
                EngineIoOptions.builder().maxHandshakesPerIpPerSecond(2).build(), nanos::get);
        assertNull(admission.refusal(A, 0));
        assertNull(admission.refusal(new InetSocketAddress("10.0.0.1", 6000), 0), "the port does not matter");
        assertEquals(HandshakeAdmission.TOO_MANY_HANDSHAKES, admission.refusal(A, 0));
        assertNull(admission.refusal(B, 0), "another address has its own count");
        nanos.set(999_999_999);
        assertEquals(HandshakeAdmission.TOO_MANY_HANDSHAKES, admission.refusal(A, 0));
        nanos.set(1_000_000_000);
        assertNull(admission.refusal(A, 0), "a new window starts from zero");
    }

    @Test
    void refusesWhenTheOpenSessionsReachMaxConnections() {
        HandshakeAdmission admission = new HandshakeAdmission(
                EngineIoOptions.builder().maxConnections(3).build(), System::nanoTime);
        assertNull(admission.refusal(A, 2));
        assertEquals(HandshakeAdmission.SERVER_FULL, admission.refusal(A, 3));
    }
}
