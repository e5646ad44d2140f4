package io.tickwire.net.cluster.redis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cluster options: the Node adapter's defaults, and a refusal that names the option. */
class ClusterOptionsTest {

    @Test
    void adapterDefaultsAreTheNodeAdapterDefaults() {
        RedisAdapterOptions defaults = RedisAdapterOptions.defaults();
        assertEquals("socket.io", defaults.key());
        assertEquals(5_000, defaults.requestsTimeoutMs());
        assertEquals(false, defaults.publishOnSpecificResponseChannel());
    }

    @Test
    void refusesANonPositiveRequestsTimeout() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RedisAdapterOptions.builder().requestsTimeoutMs(0).build());
        assertTrue(e.getMessage().startsWith("requestsTimeoutMs"), e.getMessage());
    }

    @Test
    void directoryNeedsATtlLongerThanItsHeartbeat() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RedisMatchDirectoryOptions.builder("http://a").heartbeatMs(1_000).ttlMs(1_000).build());
        assertTrue(e.getMessage().startsWith("ttlMs"), e.getMessage());
    }

    @Test
    void directoryNodeIdsAreRandomAndUsableInKeys() {
        String first = RedisMatchDirectoryOptions.builder("http://a").build().nodeId();
        String second = RedisMatchDirectoryOptions.builder("http://a").build().nodeId();
        assertEquals(8, first.length());
        assertTrue(!first.equals(second) && !first.contains(":"), first + " / " + second);
        assertThrows(IllegalArgumentException.class,
                () -> RedisMatchDirectoryOptions.builder("http://a").nodeId("a:b").build());
    }
}
