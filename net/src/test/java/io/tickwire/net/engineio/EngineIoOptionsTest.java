package io.tickwire.net.engineio;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineIoOptionsTest {

    @Test
    void defaultsAreTheReferenceServers() {
        EngineIoOptions o = EngineIoOptions.defaults();
        assertEquals("/engine.io/", o.path());
        assertEquals(25_000, o.pingIntervalMs());
        assertEquals(20_000, o.pingTimeoutMs());
        assertEquals(10_000, o.upgradeTimeoutMs());
        assertEquals(1_000_000, o.maxHttpBufferSize());
        assertEquals(List.of("polling", "websocket"), o.transports());
        assertTrue(o.allowUpgrades());
        assertEquals(false, o.perMessageDeflate());
        assertNull(o.cors());
        assertNull(o.allowRequest());
    }

    @Test
    void normalisesThePathToLeadingAndTrailingSlashes() {
        assertEquals("/socket.io/", EngineIoOptions.builder().path("socket.io").build().path());
        assertEquals("/socket.io/", EngineIoOptions.builder().path("/socket.io/").build().path());
    }

    @Test
    void refusesInvalidValuesNamingTheOption() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> EngineIoOptions.builder().pingIntervalMs(0).build()).getMessage().startsWith("pingIntervalMs"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> EngineIoOptions.builder().maxHttpBufferSize(-1).build()).getMessage().startsWith("maxHttpBufferSize"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> EngineIoOptions.builder().transports("webtransport").build()).getMessage().startsWith("transports"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> EngineIoOptions.builder().maxConnections(0).build()).getMessage().startsWith("maxConnections"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> EngineIoOptions.builder().maxHandshakesPerIpPerSecond(0).build()).getMessage()
                .startsWith("maxHandshakesPerIpPerSecond"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CorsOptions.anyOrigin().withCredentials(true)).getMessage().startsWith("cors"));
    }
}
