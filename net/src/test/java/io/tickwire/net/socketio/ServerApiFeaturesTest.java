package io.tickwire.net.socketio;

import io.tickwire.net.server.HttpRoute;
import io.tickwire.net.server.HttpServer;
import io.tickwire.net.testing.NodeProcess;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import io.tickwire.net.socketio.parser.Value;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The server API beyond plain events, driven by the official client ({@code api-features.mjs}). */
class ServerApiFeaturesTest {

    private static void install(SocketIoServer io, ParentNamespace workspaces) {
        // an asynchronous middleware: next is called later, from another thread
        io.use((socket, next) -> CompletableFuture.runAsync(() -> {
            socket.data().put("checkedBy", "async-middleware");
            next.proceed();
        }));
        io.onConnection(socket -> {
            socket.use((event, args, next) -> {
                if (event.equals("forbidden")) {
                    next.fail(new ConnectError("forbidden event"));
                } else {
                    next.proceed();
                }
            });
            socket.onError(error -> socket.emit("refused", error.getMessage()));
            socket.onAny((event, args) -> {
                if (event.equals("anything")) {
                    socket.emit("seen", "in:" + event + "/" + args.size());
                }
            });
            socket.onAnyOutgoing((event, args) -> socket.data().put("lastOut", event));
            socket.on("data", (args, ack) -> ack.send(Value.map("checkedBy", socket.data().get("checkedBy"))));
            socket.on("handshake", (args, ack) -> ack.send(Value.map(
                    "query", socket.handshake().query().get("room"),
                    "header", socket.handshake().header("X-Team"),
                    "address", socket.handshake().address(),
                    "auth", socket.handshake().auth())));
            socket.once("once-only", (args, ack) -> ack.send("first"));
            socket.on("once-only", (args, ack) -> ack.send());
            socket.on("fetch", (args, ack) -> io.fetchSockets().thenAccept(sockets -> {
                List<Object> names = new ArrayList<>();
                for (Socket s : sockets) {
                    names.add(s.handshake().auth().get("name"));
                }
                ack.send(names);
            }));
            socket.on("sockets-join", (args, ack) -> {
                io.except(socket.id()).socketsJoin(args.get(0).asString());
                ack.send();
            });
            socket.on("sockets-leave", (args, ack) -> {
                io.socketsLeave(args.get(0).asString());
                ack.send();
            });
            socket.on("rooms", (args, ack) -> ack.send(new ArrayList<>(socket.rooms())));
            socket.on("hello-workspaces", (args, ack) -> {
                workspaces.emit("hello", "from-parent");
                ack.send();
            });
            socket.on("poll-with-timeout", (args, ack) -> io.timeout(300).emit("poll",
                    (BroadcastAckCallback) (error, responses) ->
                            ack.send(Value.map("error", String.valueOf(error == null ? null : error.getMessage()),
                                    "responses", responses))));
            socket.on("disconnect-others", (args, ack) -> {
                io.except(socket.id()).disconnectSockets(false);
                ack.send();
            });
        });
    }

    @Test
    void officialClientSeesTheServerApiAtWork() throws Exception {
        SocketIoServer io = new SocketIoServer(SocketIoOptions.defaults());
        ParentNamespace workspaces = io.of(Pattern.compile("/workspace-\\d+"));
        workspaces.onConnection(socket -> { });
        install(io, workspaces);
        HttpServer http = HttpServer.builder().port(0).route(HttpRoute.engineIo(io.engine())).start();
        try (NodeProcess client = NodeProcess.start("net/src/test/js/socketio/api-features.mjs",
                "http://127.0.0.1:" + http.port())) {
            Map<String, String> results = new LinkedHashMap<>();
            while (true) {
                String line = client.awaitLine(l -> l.startsWith("{"), Duration.ofSeconds(30));
                if (line.equals("{\"done\":true}")) {
                    break;
                }
                String step = line.substring("{\"step\":\"".length(), line.indexOf("\",\""));
                results.put(step, line.substring(line.indexOf("\"result\":") + 9, line.length() - 1));
            }
            assertEquals("{\"checkedBy\":\"async-middleware\"}", results.get("async-middleware-and-data"));
            assertEquals(
                    "{\"query\":\"lobby\",\"header\":\"red\",\"address\":\"127.0.0.1\",\"auth\":{\"name\":\"a\"}}",
                    results.get("handshake"));
            assertEquals("\"forbidden event\"", results.get("event-middleware-refusal"));
            assertEquals("\"in:anything/2\"", results.get("catch-all-listeners"));
            assertEquals("[\"first\",0]", results.get("once-listener"));
            assertEquals("[\"a\",\"b\"]", results.get("fetch-sockets"));
            assertEquals("{\"inTeam\":true,\"afterLeave\":false}", results.get("sockets-join-and-leave"));
            assertEquals("[\"from-parent\",\"from-parent\"]", results.get("parent-namespace-broadcast"));
            assertEquals("{\"error\":\"operation has timed out\",\"responses\":[\"a-answers\"]}",
                    results.get("broadcast-ack-timeout"));
            assertEquals("\"io server disconnect\"", results.get("disconnect-sockets"));
        } finally {
            io.close();
            http.close();
        }
    }
}
