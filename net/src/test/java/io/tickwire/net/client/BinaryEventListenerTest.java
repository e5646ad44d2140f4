package io.tickwire.net.client;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.tickwire.net.server.HttpRoute;
import io.tickwire.net.server.HttpServer;
import io.tickwire.net.socketio.RecoveryOptions;
import io.tickwire.net.socketio.SocketIoOptions;
import io.tickwire.net.socketio.SocketIoServer;
import io.tickwire.net.socketio.parser.ParserKind;
import io.tickwire.net.socketio.parser.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * {@link ClientSocket#onBinary}: listeners get the binary first argument of their event with both parsers,
 * with and without connection state recovery (read straight from the frame with msgpack and no recovery,
 * decoded otherwise), next to ordinary listeners, never for events whose first argument is not binary, and
 * from the reference socket.io server too.
 */
class BinaryEventListenerTest {
    private static final long WAIT_SECONDS = 10;
    private static EventLoopGroup group;

    @BeforeAll
    static void startGroup() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stopGroup() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @ParameterizedTest(name = "{0}, recovery {1}")
    @CsvSource({"MSGPACK, false", "MSGPACK, true", "DEFAULT, false", "DEFAULT, true"})
    void getsTheBinaryFirstArgumentOfEveryEvent(ParserKind parser, boolean recovery) throws Exception {
        try (BlobServer server = new BlobServer(recovery)) {
            ClientSocket socket = connect(server, parser);
            BlockingQueue<byte[]> blobs = new LinkedBlockingQueue<>();
            socket.onBinary("blob", payload -> blobs.add(ByteBufUtil.getBytes(payload)));
            socket.emit("send", 3);
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(new byte[] {(byte) i, 1, 2, 3}, blobs.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            }
            socket.io().close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"MSGPACK", "DEFAULT"})
    void ordinaryListenersOfTheSameEventStillGetEveryArgument(ParserKind parser) throws Exception {
        try (BlobServer server = new BlobServer(false)) {
            ClientSocket socket = connect(server, parser);
            BlockingQueue<byte[]> blobs = new LinkedBlockingQueue<>();
            BlockingQueue<Long> counts = new LinkedBlockingQueue<>();
            socket.onBinary("blob", payload -> blobs.add(ByteBufUtil.getBytes(payload)));
            socket.on("blob", (args, ack) -> counts.add(args.get(1).get(0).asLong()));
            socket.emit("send", 1);
            assertArrayEquals(new byte[] {0, 1, 2, 3}, blobs.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            assertEquals(0L, counts.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            socket.io().close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"MSGPACK", "DEFAULT"})
    void eventsWithoutBinaryFirstArgumentAndRemovedListenersGetNothing(ParserKind parser) throws Exception {
        try (BlobServer server = new BlobServer(false)) {
            ClientSocket socket = connect(server, parser);
            BlockingQueue<byte[]> blobs = new LinkedBlockingQueue<>();
            BlockingQueue<byte[]> removed = new LinkedBlockingQueue<>();
            BinaryEventListener gone = payload -> removed.add(ByteBufUtil.getBytes(payload));
            socket.onBinary("blob", gone);
            socket.offBinary("blob", gone);
            socket.onBinary("blob", payload -> blobs.add(ByteBufUtil.getBytes(payload)));
            socket.emit("send-text");
            socket.emit("send", 1);
            // the text event was sent first: had it reached the listener, it would be first in the queue
            assertArrayEquals(new byte[] {0, 1, 2, 3}, blobs.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            assertNull(removed.poll());
            socket.io().close();
        }
    }

    @Test
    void getsBinaryEventsFromTheReferenceServer() throws Exception {
        for (ParserKind parser : ParserKind.values()) {
            try (ClientTestServer server = ClientTestServer.node(parser == ParserKind.MSGPACK ? "msgpack" : "default")) {
                Manager manager = new Manager(URI.create(server.url()), ClientOptions.builder().parser(parser)
                        .transports(TransportType.WEBSOCKET).build(), group);
                ClientSocket socket = manager.socket("/");
                BlockingQueue<byte[]> echoes = new LinkedBlockingQueue<>();
                socket.onBinary("echo", payload -> echoes.add(ByteBufUtil.getBytes(payload)));
                awaitConnect(socket);
                socket.emit("echo", new byte[] {4, 5}, "and text");
                assertArrayEquals(new byte[] {4, 5}, echoes.poll(WAIT_SECONDS, TimeUnit.SECONDS), parser.name());
                manager.close();
            }
        }
    }

    private static ClientSocket connect(BlobServer server, ParserKind parser) throws Exception {
        Manager manager = new Manager(URI.create(server.url()), ClientOptions.builder().parser(parser)
                .transports(TransportType.WEBSOCKET).build(), group);
        return awaitConnect(manager.socket("/"));
    }

    private static ClientSocket awaitConnect(ClientSocket socket) throws Exception {
        CompletableFuture<Void> connected = new CompletableFuture<>();
        socket.onConnect(() -> connected.complete(null));
        socket.connect();
        connected.get(WAIT_SECONDS, TimeUnit.SECONDS);
        return socket;
    }

    /** Answers {@code send(n)} with n {@code blob(bytes [i, 1, 2, 3], [i])}, {@code send-text} with a text blob. */
    private static final class BlobServer implements AutoCloseable {
        private final SocketIoServer io;
        private final HttpServer http;

        BlobServer(boolean recovery) {
            SocketIoOptions.Builder options = SocketIoOptions.builder();
            if (recovery) {
                options.connectionStateRecovery(RecoveryOptions.defaults());
            }
            io = new SocketIoServer(options.build());
            io.onConnection(socket -> {
                socket.on("send", (args, ack) -> {
                    for (int i = 0; i < args.get(0).asLong(); i++) {
                        socket.emit("blob", new byte[] {(byte) i, 1, 2, 3}, Value.list(Value.of(i)));
                    }
                });
                socket.on("send-text", (args, ack) -> socket.emit("blob", "not bytes"));
            });
            http = HttpServer.builder().port(0).routes(HttpRoute.socketIo(io)).start();
        }

        String url() {
            return "http://127.0.0.1:" + http.port();
        }

        @Override
        public void close() {
            io.close();
            http.close();
        }
    }
}
