package io.tickwire.net.socketio;

import io.tickwire.net.server.HttpRoute;
import io.tickwire.net.server.HttpServer;
import io.tickwire.net.testing.NodeProcess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Connection state recovery with the official client: after a forced transport close the client comes back
 * with the same id, its rooms, and the events emitted while it was away.
 */
class ConnectionStateRecoveryTest {

    @ParameterizedTest(name = "{0} parser over {1}")
    @CsvSource({"default, polling", "default, websocket", "msgpack, polling", "msgpack, websocket"})
    void clientGetsItsSessionAndMissedEventsBack(String parser, String transport) throws Exception {
        SocketIoServer io = new SocketIoServer(SocketIoOptions.builder()
                .connectionStateRecovery(RecoveryOptions.defaults()).build());
        AtomicInteger disconnects = new AtomicInteger();
        io.onConnection(socket -> {
            if (socket.recovered()) {
                socket.emit("welcome-back", socket.rooms().contains("game"));
                return;
            }
            socket.join("game");
            socket.emit("tick", 1);
            socket.onDisconnect(reason -> {
                if (disconnects.getAndIncrement() == 0) {
                    io.to("game").emit("missed", "while-away");
                }
            });
        });
        HttpServer http = HttpServer.builder().port(0).route(HttpRoute.engineIo(io.engine())).start();
        try (NodeProcess client = NodeProcess.start("net/src/test/js/socketio/recovery.mjs",
                     "http://127.0.0.1:" + http.port(), parser, transport)) {
            assertEquals("{\"tick\":1,\"offsetIsString\":true,\"recovered\":false}",
                    client.awaitLine(l -> l.startsWith("{"), Duration.ofSeconds(10)));
            assertEquals("{\"recovered\":true,\"sameId\":true,\"missed\":\"while-away\",\"stillInRoom\":true}",
                    client.awaitLine(l -> l.startsWith("{"), Duration.ofSeconds(10)));
        } finally {
            io.close();
            http.close();
        }
    }
}
