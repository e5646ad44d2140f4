package io.tickwire.sample;

import io.netty.buffer.ByteBuf;
import io.tickwire.net.engineio.EngineIoOptions;
import io.tickwire.net.engineio.EngineIoServer;
import io.tickwire.net.engineio.EngineIoSocket;
import io.tickwire.net.engineio.EngineIoSocketListener;
import io.tickwire.net.server.FixedPageRoute;
import io.tickwire.net.server.HttpRoute;
import io.tickwire.net.server.HttpServer;

import java.nio.charset.StandardCharsets;

/**
 * What {@code ./run} starts until the arena game exists: an Engine.IO echo server on
 * http://localhost:3000 (path {@code /engine.io/}) and a placeholder page at {@code /} that says so and
 * talks to the echo server over a raw WebSocket, loading nothing external.
 */
public final class SampleServer {
    private static final String PAGE = """
            <!doctype html>
            <meta charset="utf-8">
            <title>Tickwire</title>
            <h1>Tickwire</h1>
            <p>The sample game is not built yet. This page is a placeholder: the server behind it is an
            Engine.IO v4 echo server at <code>/engine.io/</code>, which the official
            <code>engine.io-client</code> can talk to.</p>
            <p id="status">Connecting over WebSocket&hellip;</p>
            <script>
              const status = document.getElementById("status");
              const ws = new WebSocket(`ws://${location.host}/engine.io/?EIO=4&transport=websocket`);
              ws.onmessage = ({ data }) => {
                if (data[0] === "0") ws.send("4hello from the page");
                else if (data === "2") ws.send("3");
                else if (data[0] === "4") status.textContent = "Echoed by the server: " + data.slice(1);
              };
              ws.onclose = () => { status.textContent += " (connection closed)"; };
            </script>
            """;

    private SampleServer() {
    }

    /** Starts on 127.0.0.1:3000, or the port given as the first argument; runs until killed. */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        EngineIoSocketListener echo = new EngineIoSocketListener() {
            @Override
            public void onMessage(EngineIoSocket socket, ByteBuf data, boolean binary) {
                socket.send(data.retainedDuplicate(), binary);
            }
        };
        EngineIoOptions options = EngineIoOptions.defaults();
        EngineIoServer engineIo = new EngineIoServer(options, socket -> socket.listener(echo));
        HttpServer http = HttpServer.builder().port(port)
                .maxRequestBodyBytes(options.maxHttpBufferSize())
                .route(HttpRoute.engineIo(engineIo))
                .route(new FixedPageRoute("/", "text/html; charset=UTF-8", PAGE.getBytes(StandardCharsets.UTF_8)))
                .start();
        System.out.println("Tickwire demo (Engine.IO echo; the game is not built yet) on http://localhost:"
                + http.port() + "/");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            engineIo.close();
            http.close();
        }));
        Thread.currentThread().join();
    }
}
