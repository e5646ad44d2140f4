package io.tickwire.net.server;

import io.tickwire.net.socketio.SocketIoOptions;
import io.tickwire.net.socketio.SocketIoServer;
import io.tickwire.net.testing.NodeProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code serveClient}: the official browser bundles of the pinned socket.io-client, as the reference serves them. */
class ClientBundleRouteTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static SocketIoServer io;
    private static HttpServer http;

    @BeforeAll
    static void start() {
        io = new SocketIoServer(SocketIoOptions.defaults());
        http = HttpServer.builder().port(0).routes(HttpRoute.socketIo(io)).start();
    }

    @AfterAll
    static void stop() {
        io.close();
        http.close();
    }

    private static HttpResponse<byte[]> get(String file, String header, String value) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/socket.io/" + file));
        if (header != null) {
            request.header(header, value);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] npmFile(String file) throws Exception {
        return Files.readAllBytes(NodeProcess.repositoryRoot().resolve("node_modules/socket.io-client/dist/" + file));
    }

    @Test
    void servesEachBundleByteForByteWithTheClientVersionAsETag() throws Exception {
        for (String file : new String[] {"socket.io.js", "socket.io.min.js", "socket.io.msgpack.min.js", "socket.io.min.js.map"}) {
            HttpResponse<byte[]> response = get(file, null, null);
            assertEquals(200, response.statusCode(), file);
            assertArrayEquals(npmFile(file), response.body(), file);
            assertEquals("\"4.8.4\"", response.headers().firstValue("etag").orElseThrow());
        }
        assertEquals("application/javascript; charset=utf-8",
                get("socket.io.min.js", null, null).headers().firstValue("content-type").orElseThrow());
        assertEquals("application/json; charset=utf-8",
                get("socket.io.min.js.map", null, null).headers().firstValue("content-type").orElseThrow());
    }

    @Test
    void answersNotModifiedToAMatchingETag() throws Exception {
        assertEquals(304, get("socket.io.min.js", "If-None-Match", "\"4.8.4\"").statusCode());
        assertEquals(304, get("socket.io.min.js", "If-None-Match", "W/\"4.8.4\"").statusCode());
        assertEquals(200, get("socket.io.min.js", "If-None-Match", "\"4.0.0\"").statusCode());
    }

    @Test
    void gzipsForBrowsersThatAcceptIt() throws Exception {
        HttpResponse<byte[]> response = get("socket.io.js", "Accept-Encoding", "gzip, deflate");
        assertEquals("gzip", response.headers().firstValue("content-encoding").orElseThrow());
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            assertArrayEquals(npmFile("socket.io.js"), in.readAllBytes());
        }
    }

    @Test
    void leavesOtherPathsToEngineIo() throws Exception {
        HttpResponse<byte[]> response = get("?EIO=4&transport=polling", null, null);
        assertEquals(200, response.statusCode());
        assertEquals('0', (char) response.body()[0]);
    }
}
