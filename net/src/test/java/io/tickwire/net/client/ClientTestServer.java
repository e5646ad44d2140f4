package io.tickwire.net.client;

import io.tickwire.net.engineio.EngineIoSocket;
import io.tickwire.net.server.HttpRoute;
import io.tickwire.net.server.HttpServer;
import io.tickwire.net.socketio.AckCallback;
import io.tickwire.net.socketio.ConnectError;
import io.tickwire.net.socketio.RecoveryOptions;
import io.tickwire.net.socketio.SocketIoOptions;
import io.tickwire.net.socketio.SocketIoServer;
import io.tickwire.net.socketio.parser.Value;
import io.tickwire.net.testing.NodeProcess;

import java.time.Duration;
import java.util.Map;

/**
 * The server side of the client tests, in two interchangeable forms: ours ({@link #tickwire()}) and the
 * reference socket.io 4.8 server ({@link #node}, {@code net/src/test/js/client/echo-server.mjs}), with the
 * same handlers: an auth middleware refusing token "bad", "whoami", "echo", "ask"/"question"/"answer",
 * "silent" (never acknowledged), "kick-me" (a DISCONNECT of the namespace), "drop-me" (closes the Engine.IO connection without a DISCONNECT), a
 * "tick" on first connection, "missed" to room "game" on every disconnect, and "/custom" answering "where".
 */
interface ClientTestServer extends AutoCloseable {

    String url();

    /** The server's process id when it runs in its own process (to stop it with a signal), else -1. */
    default long pid() {
        return -1;
    }

    /**
     * Waits until the server has no Engine.IO session left. Works around a server race (see the report of the
     * client branch): a WebSocket frame handed to the session's event loop leaks when that loop is shut down
     * before running the task, so our server must see the client's close before it is closed itself.
     */
    default void awaitNoSessions() throws InterruptedException {
    }

    @Override
    void close() throws Exception;

    static ClientTestServer tickwire() {
        SocketIoServer io = new SocketIoServer(SocketIoOptions.builder()
                .connectionStateRecovery(RecoveryOptions.defaults()).build());
        io.use((socket, next) -> {
            if (socket.handshake().auth().get("token").equals(Value.of("bad"))) {
                next.fail(new ConnectError("not authorized", Map.of("code", 401)));
            } else {
                next.proceed();
            }
        });
        io.onConnection(socket -> {
            if (!socket.recovered()) {
                socket.join("game");
                socket.emit("tick", 1);
            }
            socket.on("whoami", (args, ack) -> ack.send(socket.handshake().auth()));
            socket.on("echo", (args, ack) -> {
                if (ack != null) {
                    ack.send(args.asList().toArray());
                } else {
                    socket.emit("echo", args.asList().toArray());
                }
            });
            socket.on("ask", (args, ack) -> socket.timeout(1000).emit("question", args.get(0),
                    (AckCallback) (error, answer) ->
                            socket.emit("answer", error == null ? answer.get(0) : error.getMessage())));
            socket.on("silent", (args, ack) -> { });
            socket.on("drop-me", (args, ack) -> {
                EngineIoSocket engineSocket = io.engine().socket(args.get(0).asString());
                engineSocket.close();
            });
            socket.on("kick-me", (args, ack) -> socket.disconnect());
            socket.onDisconnect(reason -> io.to("game").emit("missed", "while-away"));
        });
        io.of("/custom").onConnection(socket ->
                socket.on("where", (args, ack) -> ack.send(socket.namespace().name())));
        HttpServer http = HttpServer.builder().port(0).routes(HttpRoute.socketIo(io)).start();
        return new ClientTestServer() {
            @Override
            public String url() {
                return "http://127.0.0.1:" + http.port();
            }

            @Override
            public void awaitNoSessions() throws InterruptedException {
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (io.engine().clientsCount() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
            }

            @Override
            public void close() {
                io.close();
                http.close();
            }

            @Override
            public String toString() {
                return "tickwire";
            }
        };
    }

    static ClientTestServer node(String parser, String... extraArgs) throws InterruptedException {
        String[] args = new String[extraArgs.length + 1];
        args[0] = parser;
        System.arraycopy(extraArgs, 0, args, 1, extraArgs.length);
        NodeProcess node = NodeProcess.start("net/src/test/js/client/echo-server.mjs", args);
        String line = node.awaitLine(l -> l.startsWith("{\"port\""), Duration.ofSeconds(20));
        String port = line.replaceAll("\\D", "");
        return new ClientTestServer() {
            @Override
            public String url() {
                return "http://127.0.0.1:" + port;
            }

            @Override
            public void close() {
                node.close();
            }

            @Override
            public long pid() {
                return node.pid();
            }

            @Override
            public String toString() {
                return "node socket.io";
            }
        };
    }
}
