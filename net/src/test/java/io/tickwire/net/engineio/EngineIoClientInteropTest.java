package io.tickwire.net.engineio;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.tickwire.net.server.HttpRoute;
import io.tickwire.net.server.HttpServer;
import io.tickwire.net.testing.NodeProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The official npm {@code engine.io-client} (net/src/test/js/engineio-client.mjs) against our server. */
class EngineIoClientInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final BlockingQueue<CloseReason> serverCloses = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> serverUpgrades = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> serverTransports = new LinkedBlockingQueue<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor();
    private EngineIoServer engineIo;
    private HttpServer http;

    @BeforeEach
    void startServer() {
        startServer(false);
    }

    private void startServer(boolean perMessageDeflate) {
        EngineIoSocketListener listener = new EngineIoSocketListener() {
            @Override
            public void onMessage(EngineIoSocket socket, ByteBuf data, boolean binary) {
                serverTransports.add(socket.transportName());
                String text = binary ? "" : data.toString(StandardCharsets.UTF_8);
                if (text.equals("close-me")) {
                    socket.close();
                } else if (text.equals("burst")) {
                    sender.execute(() -> {
                        for (int i = 0; i < 1000; i++) {
                            socket.send(Unpooled.copiedBuffer("s" + i, StandardCharsets.UTF_8), false);
                        }
                    });
                } else {
                    socket.send(data.retainedDuplicate(), binary);
                }
            }

            @Override
            public void onClose(EngineIoSocket socket, CloseReason reason) {
                serverCloses.add(reason);
            }

            @Override
            public void onUpgrade(EngineIoSocket socket) {
                serverUpgrades.add(socket.transportName());
            }
        };
        // generous enough that a client busy with 1,000 messages on a loaded machine still sees its pings
        EngineIoOptions options = EngineIoOptions.builder().pingIntervalMs(500).pingTimeoutMs(1000)
                .upgradeTimeoutMs(1000)
                .perMessageDeflate(perMessageDeflate).build();
        engineIo = new EngineIoServer(options, socket -> socket.listener(listener));
        http = HttpServer.builder().port(0).ioThreads(2).webSocketCompression(perMessageDeflate)
                .route(HttpRoute.engineIo(engineIo)).start();
    }

    @AfterEach
    void stopServer() {
        http.close();
        sender.shutdownNow();
    }

    private String url() {
        return "http://127.0.0.1:" + http.port();
    }

    private void echoesTextAndBinary(String transports, String expectedTransport) throws Exception {
        try (NodeProcess client = NodeProcess.start("net/src/test/js/engineio-client.mjs", url(), transports, "echo")) {
            String echoed = client.awaitLine(l -> l.contains("\"echoed\""), WAIT);
            assertTrue(echoed.contains("\"text\":\"hello\""), echoed);
            assertTrue(echoed.contains("\"binary\":[1,2,3]"), echoed);
            assertTrue(echoed.contains("\"transport\":\"" + expectedTransport + "\""), echoed);
            assertEquals(0, client.awaitExit(WAIT), client.diagnostics());
        }
        assertEquals(expectedTransport, serverTransports.poll(5, TimeUnit.SECONDS));
        assertEquals(CloseReason.TRANSPORT_CLOSE, serverCloses.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void pollingOnlyClientExchangesTextAndBinaryMessages() throws Exception {
        echoesTextAndBinary("polling", "polling");
    }

    @Test
    void websocketOnlyClientExchangesTextAndBinaryMessages() throws Exception {
        echoesTextAndBinary("websocket", "websocket");
    }

    @Test
    void clientUpgradesFromPollingToWebSocketAndKeepsTalking() throws Exception {
        try (NodeProcess client = NodeProcess.start("net/src/test/js/engineio-client.mjs", url(),
                "polling,websocket", "echo")) {
            String open = client.awaitLine(l -> l.contains("\"open\""), WAIT);
            assertTrue(open.contains("\"transport\":\"polling\""), open);
            client.awaitLine("{\"event\":\"upgrade\",\"transport\":\"websocket\"}", WAIT);
            String echoed = client.awaitLine(l -> l.contains("\"echoed\""), WAIT);
            assertTrue(echoed.contains("\"text\":\"hello\"") && echoed.contains("\"binary\":[1,2,3]"), echoed);
            assertEquals(0, client.awaitExit(WAIT), client.diagnostics());
        }
        assertEquals("websocket", serverUpgrades.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void thousandMessagesComeBackInOrderOverWebSocket() throws Exception {
        try (NodeProcess client = NodeProcess.start("net/src/test/js/engineio-client.mjs", url(), "websocket", "ordered")) {
            String ordered = client.awaitLine(l -> l.contains("\"ordered\""), WAIT);
            assertTrue(ordered.contains("\"count\":1000,\"inOrder\":true"), ordered);
        }
    }

    @Test
    void thousandMessagesComeBackInOrderOverPolling() throws Exception {
        try (NodeProcess client = NodeProcess.start("net/src/test/js/engineio-client.mjs", url(), "polling", "ordered")) {
            String ordered = client.awaitLine(l -> l.contains("\"ordered\""), WAIT);
            assertTrue(ordered.contains("\"count\":1000,\"inOrder\":true"), ordered);
        }
    }

    @Test
    void serverInitiatedCloseReachesWebSocketClient() throws Exception {
        try (NodeProcess client = NodeProcess.start("net/src/test/js/engineio-client.mjs", url(), "websocket", "wait-close")) {
            String close = client.awaitLine(l -> l.contains("\"close\""), WAIT);
            assertTrue(close.contains("transport close"), close);
        }
        assertEquals(CloseReason.FORCED_CLOSE, serverCloses.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void serverInitiatedCloseReachesPollingClient() throws Exception {
        try (NodeProcess client = NodeProcess.start("net/src/test/js/engineio-client.mjs", url(), "polling", "wait-close")) {
            String close = client.awaitLine(l -> l.contains("\"close\""), WAIT);
            assertNotNull(close);
        }
        assertEquals(CloseReason.FORCED_CLOSE, serverCloses.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void closesWithPingTimeoutWhenTheClientStopsAnsweringPings() throws Exception {
        try (NodeProcess client = NodeProcess.start("net/src/test/js/engineio-client.mjs", url(), "websocket", "mute")) {
            client.awaitLine(l -> l.contains("\"open\""), WAIT);
            long start = System.nanoTime();
            CloseReason reason = serverCloses.poll(5, TimeUnit.SECONDS);
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(CloseReason.PING_TIMEOUT, reason);
            assertTrue(elapsedMs < 3000, "closed after " + elapsedMs + " ms, expected about 1500");
            client.awaitLine(l -> l.contains("\"close\""), WAIT);
        }
    }

    @Test
    void sendsFromAnotherThreadArriveInOrderOverWebSocket() throws Exception {
        try (NodeProcess client = NodeProcess.start("net/src/test/js/engineio-client.mjs", url(), "websocket", "burst")) {
            String ordered = client.awaitLine(l -> l.contains("\"ordered\""), WAIT);
            assertTrue(ordered.contains("\"count\":1000,\"inOrder\":true"), ordered);
        }
    }

    @Test
    void sendsFromAnotherThreadArriveInOrderOverPolling() throws Exception {
        try (NodeProcess client = NodeProcess.start("net/src/test/js/engineio-client.mjs", url(), "polling", "burst")) {
            String ordered = client.awaitLine(l -> l.contains("\"ordered\""), WAIT);
            assertTrue(ordered.contains("\"count\":1000,\"inOrder\":true"), ordered);
        }
    }

    @Test
    void websocketClientTalksWithPerMessageDeflateEnabled() throws Exception {
        http.close();
        startServer(true);
        echoesTextAndBinary("websocket", "websocket");
    }

    @Test
    void dropsAStalledUpgradeAfterUpgradeTimeoutAndKeepsPolling() throws Exception {
        try (NodeProcess client = NodeProcess.start("net/src/test/js/engineio-stalled-upgrade.mjs", url())) {
            client.awaitLine("{\"event\":\"probed\"}", WAIT);
            String closed = client.awaitLine(l -> l.contains("websocket-closed"), WAIT);
            int afterMs = Integer.parseInt(closed.replaceAll("\\D+", ""));
            assertTrue(afterMs >= 900 && afterMs < 3000, closed);
            String alive = client.awaitLine(l -> l.contains("polling-alive"), WAIT);
            assertTrue(alive.contains("4still here"), alive);
        }
        assertTrue(serverUpgrades.isEmpty(), "no upgrade was reported");
    }
}
