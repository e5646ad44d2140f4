package io.tickwire.net.server;

import io.netty.buffer.ByteBuf;
import io.tickwire.net.engineio.CorsOptions;
import io.tickwire.net.engineio.EngineIoOptions;
import io.tickwire.net.engineio.EngineIoServer;
import io.tickwire.net.engineio.EngineIoSocket;
import io.tickwire.net.engineio.EngineIoSocketListener;
import io.tickwire.net.socketio.SocketIoOptions;
import io.tickwire.net.socketio.SocketIoServer;

/**
 * The reference servers of the protocol test suites, started by {@code ./run conformance engineio}:
 * Engine.IO on 127.0.0.1:3000, path {@code /engine.io/}, pingInterval 300, pingTimeout 200, maxPayload
 * 1000000, CORS for any origin, every message echoed (the spec's "Test suite" section).
 */
public final class ConformanceServer {
    /**
     * One event loop, like the single-threaded reference server: the suite's timing checks (a second
     * GET 5 ms after the first, a poll right after the upgrade packet on another connection) assume
     * requests are handled in arrival order across connections, which several loops do not promise.
     */
    public static final int CONFORMANCE_IO_THREADS = 1;
    private ConformanceServer() {
    }

    /** The options of the spec's reference Engine.IO server. */
    public static EngineIoOptions engineIoOptions() {
        return EngineIoOptions.builder()
                .pingIntervalMs(300)
                .pingTimeoutMs(200)
                .maxHttpBufferSize(1_000_000)
                .cors(CorsOptions.anyOrigin())
                .build();
    }

    /** An Engine.IO server that echoes every message back to its sender. */
    public static EngineIoServer echoServer(EngineIoOptions options) {
        EngineIoSocketListener echo = new EngineIoSocketListener() {
            @Override
            public void onMessage(EngineIoSocket socket, ByteBuf data, boolean binary) {
                socket.send(data.retainedDuplicate(), binary);
            }
        };
        return new EngineIoServer(options, socket -> socket.listener(echo));
    }

    /**
     * The reference server of the Socket.IO spec's test suite: path {@code /socket.io/}, pingInterval 300,
     * pingTimeout 200, maxPayload 1000000, connectTimeout 1000, CORS for any origin; on {@code /} it emits
     * {@code auth} with the handshake's auth, answers {@code message} with {@code message-back} and acks
     * {@code message-with-ack} with its arguments; on {@code /custom} it emits {@code auth}.
     */
    public static SocketIoServer socketIoServer() {
        SocketIoServer io = new SocketIoServer(SocketIoOptions.builder()
                .engine(EngineIoOptions.builder()
                        .path("/socket.io/")
                        .pingIntervalMs(300)
                        .pingTimeoutMs(200)
                        .maxHttpBufferSize(1_000_000)
                        .cors(CorsOptions.anyOrigin())
                        .build())
                .connectTimeoutMs(1000)
                .build());
        io.onConnection(socket -> {
            socket.emit("auth", socket.handshake().auth());
            socket.on("message", (args, ack) -> socket.emit("message-back", args.asList().toArray()));
            socket.on("message-with-ack", (args, ack) -> {
                if (ack != null) {
                    ack.send(args.asList().toArray());
                }
            });
        });
        io.of("/custom").onConnection(socket -> socket.emit("auth", socket.handshake().auth()));
        return io;
    }

    /** Starts {@code engineio} or {@code socketio} on {@code port} (default 3000). */
    public static void main(String[] args) throws InterruptedException {
        String which = args.length > 0 ? args[0] : "";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        switch (which) {
            case "engineio" -> {
                EngineIoOptions options = engineIoOptions();
                EngineIoServer engineIo = echoServer(options);
                HttpServer http = HttpServer.builder().port(port).ioThreads(CONFORMANCE_IO_THREADS)
                        .maxRequestBodyBytes(options.maxHttpBufferSize())
                        .route(HttpRoute.engineIo(engineIo))
                        .start();
                System.out.println("Engine.IO conformance server on http://127.0.0.1:" + http.port()
                        + options.path() + " (" + http.ioTransport() + ")");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    engineIo.close();
                    http.close();
                }));
                Thread.currentThread().join();
            }
            case "socketio" -> {
                SocketIoServer io = socketIoServer();
                EngineIoOptions options = io.options().engine();
                HttpServer http = HttpServer.builder().port(port).ioThreads(CONFORMANCE_IO_THREADS)
                        .maxRequestBodyBytes(options.maxHttpBufferSize())
                        .routes(HttpRoute.socketIo(io))
                        .start();
                System.out.println("Socket.IO conformance server on http://127.0.0.1:" + http.port()
                        + options.path() + " (" + http.ioTransport() + ")");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    io.close();
                    http.close();
                }));
                Thread.currentThread().join();
            }
            default -> {
                System.err.println("usage: ./run conformance engineio|socketio [port]");
                System.exit(2);
            }
        }
    }
}
