package io.tickwire.net.socketio;

import io.tickwire.net.server.HttpRoute;
import io.tickwire.net.server.HttpServer;
import io.tickwire.net.testing.NodeProcess;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A socket gets the direct emits and the room broadcasts of one thread in the order that thread made them,
 * whichever way each write reaches the socket's event loop; seen by the official client
 * ({@code emit-order.mjs}).
 */
class EmitOrderTest {
    private static final int CLIENTS = 8;
    private static final int EVENTS = 2_000;

    @Test
    void directEmitsAndBroadcastsFromOneOtherThreadKeepTheirOrder() throws Exception {
        SocketIoServer io = new SocketIoServer(SocketIoOptions.defaults());
        ExecutorService sender = Executors.newSingleThreadExecutor();
        io.onConnection(socket -> {
            socket.on("join", (args, ack) -> {
                socket.join("r");
                socket.emit("joined");
            });
            // alternates the two paths, from a thread that is no event loop
            socket.on("go", (args, ack) -> sender.execute(() -> {
                for (int i = 0; i < EVENTS; i++) {
                    if (i % 3 == 0) {
                        io.to(socket.id()).emit("n", i);
                    } else {
                        socket.emit("n", i);
                    }
                }
            }));
        });
        HttpServer http = HttpServer.builder().port(0).route(HttpRoute.engineIo(io.engine())).start();
        try (NodeProcess client = NodeProcess.start("net/src/test/js/socketio/emit-order.mjs",
                "http://127.0.0.1:" + http.port(), String.valueOf(CLIENTS), String.valueOf(EVENTS))) {
            String line = client.awaitLine(l -> l.startsWith("{"), Duration.ofSeconds(60));
            assertEquals("{\"inOrder\":" + CLIENTS + "}", line);
        } finally {
            sender.shutdownNow();
            io.close();
            http.close();
        }
    }
}
