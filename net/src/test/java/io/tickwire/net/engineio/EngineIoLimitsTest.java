package io.tickwire.net.engineio;

import io.netty.buffer.ByteBuf;
import io.tickwire.net.server.HttpRoute;
import io.tickwire.net.server.HttpServer;
import io.tickwire.net.testing.RawWebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Engine.IO limits over real sockets, each crossed by one byte or one request, with what the client
 * observes: WebSocket close codes, HTTP status and JSON body. The limit itself is always still accepted.
 */
class EngineIoLimitsTest {
    private static final String WS = "/engine.io/?EIO=4&transport=websocket";
    private static final String POLLING = "/engine.io/?EIO=4&transport=polling";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final BlockingQueue<CloseReason> closes = new LinkedBlockingQueue<>();
    private HttpServer http;

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
    }

    private EngineIoServer engine;

    private HttpServer start(EngineIoOptions options) {
        EngineIoSocketListener listener = new EngineIoSocketListener() {
            @Override
            public void onMessage(EngineIoSocket socket, ByteBuf data, boolean binary) {
                messages.add(data.toString(StandardCharsets.UTF_8));
            }

            @Override
            public void onClose(EngineIoSocket socket, CloseReason reason) {
                closes.add(reason);
            }
        };
        engine = new EngineIoServer(options, socket -> socket.listener(listener));
        http = HttpServer.builder().port(0).ioThreads(1).maxRequestBodyBytes(options.maxHttpBufferSize())
                .route(HttpRoute.engineIo(engine)).start();
        return http;
    }

    private RawWebSocket openWebSocket() throws Exception {
        RawWebSocket ws = RawWebSocket.connect(http.port(), WS);
        assertTrue(ws.read().text().startsWith("0{\"sid\":"));
        return ws;
    }

    private void assertWebSocketHandshakeRefused(String when) throws Exception {
        try (RawWebSocket ws = RawWebSocket.connect(http.port(), WS)) {
            throw new AssertionError("a WebSocket handshake was upgraded " + when);
        } catch (java.io.IOException expected) {
            assertTrue(expected.getMessage().contains("403"), expected.getMessage());
        }
    }

    private HttpResponse<String> get(String target, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + target));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void closesWith1009AWebSocketFrameOverMaxHttpBufferSize() throws Exception {
        start(EngineIoOptions.builder().maxHttpBufferSize(1000).build());
        try (RawWebSocket ws = openWebSocket()) {
            ws.sendText("4" + "x".repeat(999));
            assertEquals("x".repeat(999), messages.poll(5, TimeUnit.SECONDS), "exactly maxHttpBufferSize is accepted");
            ws.sendText("4" + "x".repeat(1000));
            assertEquals(1009, ws.readUntilClose().closeCode());
        }
        assertEquals(CloseReason.TRANSPORT_ERROR, closes.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void closesWith1009AFragmentedWebSocketMessageOverMaxHttpBufferSize() throws Exception {
        start(EngineIoOptions.builder().maxHttpBufferSize(1000).build());
        try (RawWebSocket ws = openWebSocket()) {
            ws.send(false, RawWebSocket.OP_TEXT, ("4" + "x".repeat(599)).getBytes(StandardCharsets.UTF_8));
            ws.send(true, RawWebSocket.OP_CONTINUATION, "y".repeat(401).getBytes(StandardCharsets.UTF_8));
            assertEquals(1009, ws.readUntilClose().closeCode());
        }
        assertEquals(CloseReason.TRANSPORT_ERROR, closes.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void closesWith1007AWebSocketTextFrameThatIsNotUtf8() throws Exception {
        start(EngineIoOptions.defaults());
        try (RawWebSocket ws = openWebSocket()) {
            ws.send(true, RawWebSocket.OP_TEXT, new byte[] {'4', (byte) 0xc3, '('});
            assertEquals(1007, ws.readUntilClose().closeCode());
        }
        assertEquals(CloseReason.TRANSPORT_ERROR, closes.poll(5, TimeUnit.SECONDS));
        assertTrue(messages.isEmpty(), "nothing of the invalid frame was delivered: " + messages);
    }

    @Test
    void refusesWith400APollingPayloadThatIsNotUtf8AndDeliversNoneOfIt() throws Exception {
        start(EngineIoOptions.defaults());
        String open = get(POLLING).body();
        URI uri = URI.create("http://127.0.0.1:" + http.port() + POLLING + "&sid=" + open.substring(9, 29));
        byte[] body = {'4', 'o', 'k', 0x1e, '4', (byte) 0xff};
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode());
        assertEquals(CloseReason.PARSE_ERROR, closes.poll(5, TimeUnit.SECONDS));
        assertTrue(messages.isEmpty(), "the valid packet before the invalid bytes was not delivered: " + messages);
    }

    @Test
    void answers431ToAHandshakeWhoseHeadersOrQueryExceedMaxHeaderBytes() throws Exception {
        EngineIoServer engine = new EngineIoServer(EngineIoOptions.defaults(), socket -> { });
        http = HttpServer.builder().port(0).ioThreads(1).maxHeaderBytes(2048).route(HttpRoute.engineIo(engine)).start();
        assertEquals(200, get(POLLING, "Cookie", "c=" + "x".repeat(1500)).statusCode());
        assertEquals(431, get(POLLING, "Cookie", "c=" + "x".repeat(2100)).statusCode());
        assertEquals(431, get(POLLING + "&token=" + "t".repeat(2100)).statusCode());
    }

    @Test
    void refusesAHandshakeBeyondMaxConnectionsWith403ServerFull() throws Exception {
        start(EngineIoOptions.builder().maxConnections(2).build());
        assertEquals(200, get(POLLING).statusCode());
        assertEquals(200, get(POLLING).statusCode());
        HttpResponse<String> third = get(POLLING);
        assertEquals(403, third.statusCode());
        assertEquals("{\"code\":4,\"message\":\"Server full\"}", third.body());
        assertWebSocketHandshakeRefused("beyond maxConnections");
    }

    @Test
    void refusesHandshakesOverMaxHandshakesPerIpPerSecondWith403() throws Exception {
        start(EngineIoOptions.builder().maxHandshakesPerIpPerSecond(1).build());
        // three handshakes within well under two seconds span at most two one-second windows
        int[] statuses = new int[3];
        String refusedBody = null;
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = get(POLLING);
            statuses[i] = r.statusCode();
            if (r.statusCode() == 403) {
                refusedBody = r.body();
            }
        }
        assertEquals(200, statuses[0], Arrays.toString(statuses));
        assertEquals("{\"code\":4,\"message\":\"Too many handshakes\"}", refusedBody, Arrays.toString(statuses));
    }

    @Test
    void onceHandshakesAreRefusedTheOpenSessionsCarryOn() throws Exception {
        start(EngineIoOptions.builder().build());
        String open = get(POLLING).body();
        String sid = open.substring(open.indexOf("\"sid\":\"") + 7, open.indexOf('"', open.indexOf("\"sid\":\"") + 7));
        engine.refuseHandshakes();
        HttpResponse<String> refused = get(POLLING);
        assertEquals(403, refused.statusCode());
        assertEquals("{\"code\":4,\"message\":\"Server shutting down\"}", refused.body());
        assertWebSocketHandshakeRefused("while refusing handshakes");
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + http.port() + POLLING + "&sid=" + sid))
                .POST(HttpRequest.BodyPublishers.ofString("4still here")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, post.statusCode(), "the open session still sends");
        assertEquals("still here", messages.poll(5, TimeUnit.SECONDS));
    }
}
