package io.tickwire.net.server;

import io.tickwire.net.engineio.CloseReason;
import io.tickwire.net.engineio.EngineIoOptions;
import io.tickwire.net.engineio.EngineIoServer;
import io.tickwire.net.engineio.EngineIoSocket;
import io.tickwire.net.engineio.EngineIoSocketListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The HTTP server over real sockets: routes beside the Engine.IO path, body limit, both I/O transports. */
class HttpServerTest {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final BlockingQueue<CloseReason> closes = new LinkedBlockingQueue<>();

    private EngineIoServer engineIo(int maxHttpBufferSize) {
        EngineIoSocketListener listener = new EngineIoSocketListener() {
            @Override
            public void onClose(EngineIoSocket socket, CloseReason reason) {
                closes.add(reason);
            }
        };
        return new EngineIoServer(EngineIoOptions.builder().maxHttpBufferSize(maxHttpBufferSize).build(),
                socket -> socket.listener(listener));
    }

    private HttpResponse<String> get(HttpServer server, String target) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + target)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @EnumSource(IoTransport.class)
    void servesAPageBesideTheEngineIoPathAnd404Elsewhere(IoTransport io) throws Exception {
        assumeTrue(io.isAvailable(), () -> io + " is not available here: " + io.unavailabilityCause());
        try (HttpServer server = HttpServer.builder().port(0).ioThreads(1).ioTransport(io)
                .route(HttpRoute.engineIo(engineIo(1000)))
                .route(new FixedPageRoute("/", "text/html; charset=UTF-8", "<p>hi</p>".getBytes(StandardCharsets.UTF_8)))
                .start()) {
            assertEquals(io, server.ioTransport());
            HttpResponse<String> page = get(server, "/");
            assertEquals(200, page.statusCode());
            assertEquals("<p>hi</p>", page.body());
            assertEquals(404, get(server, "/missing").statusCode());
            HttpResponse<String> open = get(server, "/engine.io/?EIO=4&transport=polling");
            assertEquals(200, open.statusCode());
            assertTrue(open.body().startsWith("0{\"sid\":"), open.body());
        }
    }

    @Test
    void refusesAPostOverMaxHttpBufferSizeAndClosesTheSession() throws Exception {
        try (HttpServer server = HttpServer.builder().port(0).ioThreads(1).maxRequestBodyBytes(1000)
                .route(HttpRoute.engineIo(engineIo(1000))).start()) {
            String open = get(server, "/engine.io/?EIO=4&transport=polling").body();
            String sid = open.substring(9, 29);
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/engine.io/?EIO=4&transport=polling&sid=" + sid);
            HttpResponse<String> fits = client.send(HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.ofString("4" + "x".repeat(999))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, fits.statusCode(), "exactly maxHttpBufferSize bytes are accepted");
            HttpResponse<String> tooLarge = client.send(HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.ofString("4" + "x".repeat(1000))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, tooLarge.statusCode());
            assertEquals(CloseReason.TRANSPORT_ERROR, closes.poll(5, TimeUnit.SECONDS));
            assertEquals(400, get(server, "/engine.io/?EIO=4&transport=polling&sid=" + sid).statusCode());
        }
    }

    private static String readResponse(Socket socket) throws Exception {
        socket.setSoTimeout(5000);
        InputStream in = socket.getInputStream();
        byte[] buf = new byte[4096];
        int n = in.read(buf);
        return new String(buf, 0, Math.max(n, 0), StandardCharsets.ISO_8859_1);
    }

    @Test
    void closesTheSessionWhenASecondPostStartsWhileTheFirstIsArriving() throws Exception {
        try (HttpServer server = HttpServer.builder().port(0).ioThreads(2)
                .route(HttpRoute.engineIo(engineIo(1_000_000))).start()) {
            String sid = get(server, "/engine.io/?EIO=4&transport=polling").body().substring(9, 29);
            String head = "POST /engine.io/?EIO=4&transport=polling&sid=" + sid + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nContent-Type: text/plain;charset=UTF-8\r\nContent-Length: 6\r\n\r\n";
            try (Socket first = new Socket("127.0.0.1", server.port());
                 Socket second = new Socket("127.0.0.1", server.port())) {
                OutputStream firstOut = first.getOutputStream();
                firstOut.write((head + "4he").getBytes(StandardCharsets.US_ASCII));
                firstOut.flush();
                // the first head may reach the server after a second POST that completes first: retry
                String answer = "";
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (!answer.startsWith("HTTP/1.1 400") && System.nanoTime() < deadline) {
                    second.getOutputStream().write((head + "4hello").getBytes(StandardCharsets.US_ASCII));
                    second.getOutputStream().flush();
                    answer = readResponse(second);
                }
                assertTrue(answer.startsWith("HTTP/1.1 400"), "the overlapping POST is refused: " + answer);
                assertEquals(CloseReason.TRANSPORT_ERROR, closes.poll(5, TimeUnit.SECONDS));
                firstOut.write("llo".getBytes(StandardCharsets.US_ASCII));
                firstOut.flush();
                assertTrue(readResponse(first).startsWith("HTTP/1.1 400"), "the session is gone for the first POST too");
            }
        }
    }
}
