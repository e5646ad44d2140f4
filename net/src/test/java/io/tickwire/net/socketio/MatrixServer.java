package io.tickwire.net.socketio;

import io.tickwire.net.server.HttpRoute;
import io.tickwire.net.server.HttpServer;
import io.tickwire.net.server.IoTransport;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.Value;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The server side of {@code client-matrix.mjs}: a Socket.IO server on a free loopback port whose handlers
 * answer each step of the script. Records the disconnect reason of each named client.
 */
final class MatrixServer implements AutoCloseable {
    final SocketIoServer io;
    final HttpServer http;
    final Map<String, String> disconnectReasons = new ConcurrentHashMap<>();

    MatrixServer(SocketIoOptions options) {
        this(options, IoTransport.best());
    }

    MatrixServer(SocketIoOptions options, IoTransport ioTransport) {
        io = new SocketIoServer(options);
        http = HttpServer.builder().port(0).ioTransport(ioTransport).routes(HttpRoute.socketIo(io)).start();
        install();
    }

    String url() {
        return "http://127.0.0.1:" + http.port();
    }

    private void install() {
        io.use((socket, next) -> {
            if (socket.handshake().auth().get("token").equals(Value.of("bad"))) {
                next.fail(new ConnectError("not authorized", Map.of("code", 401)));
            } else {
                next.proceed();
            }
        });
        io.onConnection(socket -> {
            Value name = socket.handshake().auth().get("name");
            if (name.isString()) {
                socket.onDisconnect(reason -> disconnectReasons.put(name.asString(), reason.text()));
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
                    (AckCallback) (error, answer) -> socket.emit("answer", error == null ? answer : error.getMessage())));
            socket.on("join", (args, ack) -> {
                socket.join(args.get(0).asString());
                ack.send();
            });
            socket.on("leave", (args, ack) -> {
                socket.leave(args.get(0).asString());
                ack.send();
            });
            socket.on("broadcast", (args, ack) -> {
                String form = args.get(0).asString();
                switch (form) {
                    case "io.emit" -> io.emit("bc", form);
                    case "io.to(r1)" -> io.to("r1").emit("bc", form);
                    case "io.except(r1)" -> io.except("r1").emit("bc", form);
                    case "io.to(r1).to(r2)" -> io.to("r1").to("r2").emit("bc", form);
                    case "socket.broadcast" -> socket.broadcast().emit("bc", form);
                    case "socket.to(r1)" -> socket.to("r1").emit("bc", form);
                    case "socket.except(r2)" -> socket.except("r2").emit("bc", form);
                    default -> throw new IllegalArgumentException(form);
                }
                ack.send();
            });
            socket.on("mark", (args, ack) -> {
                io.emit("mark");
                ack.send();
            });
            socket.on("poll-everyone", (args, ack) -> io.timeout(2000).emitWithAck("poll", "q")
                    .whenComplete((responses, error) -> ack.send(error == null ? responses : error.getMessage())));
            socket.on("volatile", (args, ack) -> socket.asVolatile().emit("v", "volatile-ok"));
            socket.on("disconnect-me", (args, ack) -> socket.disconnect());
            socket.on("close-me", (args, ack) -> socket.disconnect(true));
            socket.on("reason-of", (args, ack) -> ack.send(disconnectReasons.get(args.get(0).asString())));
        });
        io.of("/custom").onConnection(socket ->
                socket.on("where", (args, ack) -> ack.send(socket.namespace().name())));
        io.of(Pattern.compile("/dyn-\\d+")).onConnection(socket ->
                socket.on("where", (args, ack) -> ack.send(socket.namespace().name())));
    }

    static ListValue list(Object... items) {
        return (ListValue) Value.from(items);
    }

    @Override
    public void close() {
        io.close();
        http.close();
    }
}
