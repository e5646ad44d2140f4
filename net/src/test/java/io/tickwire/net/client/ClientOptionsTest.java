package io.tickwire.net.client;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientOptionsTest {

    @Test
    void defaultsAreSocketIoClients() {
        ClientOptions o = ClientOptions.defaults();
        assertEquals("/socket.io/", o.path());
        assertEquals(List.of(TransportType.POLLING, TransportType.WEBSOCKET), o.transports());
        assertTrue(o.upgrade());
        assertTrue(o.reconnection());
        assertEquals(Integer.MAX_VALUE, o.reconnectionAttempts());
        assertEquals(1000, o.reconnectionDelayMs());
        assertEquals(5000, o.reconnectionDelayMaxMs());
        assertEquals(0.5, o.randomizationFactor());
        assertEquals(20_000, o.timeoutMs());
    }

    @Test
    void outOfRangeOptionIsRefusedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ClientOptions.builder().randomizationFactor(2).build()).getMessage().contains("randomizationFactor"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ClientOptions.builder().reconnectionDelayMs(6000).build()).getMessage().contains("reconnectionDelayMs"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ClientOptions.builder().transports().build()).getMessage().contains("transports"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ClientOptions.builder().path("socket.io").build()).getMessage().contains("path"));
    }
}
