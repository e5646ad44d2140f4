package io.tickwire.net.client;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.tickwire.net.socketio.AckTimeoutException;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.ParserKind;
import io.tickwire.net.socketio.parser.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client against our server and against the reference socket.io 4.8 server, with both parsers over
 * polling, WebSocket and polling upgraded to WebSocket.
 */
class ClientSocketCompatibilityTest {
    private static final long WAIT_SECONDS = 10;
    private static EventLoopGroup group;

    enum Mode { POLLING, WEBSOCKET, UPGRADE }

    @BeforeAll
    static void startGroup() {
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stopGroup() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    static List<Arguments> matrix() {
        List<Arguments> all = new ArrayList<>();
        for (String server : List.of("tickwire", "node")) {
            for (ParserKind parser : ParserKind.values()) {
                for (Mode mode : Mode.values()) {
                    all.add(Arguments.of(server, parser, mode));
                }
            }
        }
        return all;
    }

    private static ClientTestServer start(String server, ParserKind parser) throws InterruptedException {
        return server.equals("tickwire") ? ClientTestServer.tickwire()
                : ClientTestServer.node(parser == ParserKind.MSGPACK ? "msgpack" : "default");
    }

    private static ClientOptions.Builder options(ParserKind parser, Mode mode) {
        ClientOptions.Builder b = ClientOptions.builder().parser(parser)
                .reconnectionDelayMs(100).reconnectionDelayMaxMs(200)
                .auth(Value.map("name", "ada", "token", "good"));
        return switch (mode) {
            case POLLING -> b.transports(TransportType.POLLING);
            case WEBSOCKET -> b.transports(TransportType.WEBSOCKET);
            case UPGRADE -> b.transports(TransportType.POLLING, TransportType.WEBSOCKET);
        };
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("matrix")
    void exchangesEventsAndAcknowledgementsBothWaysOnEveryNamespace(String server, ParserKind parser, Mode mode)
            throws Exception {
        try (ClientTestServer s = start(server, parser)) {
            Manager manager = new Manager(URI.create(s.url()), options(parser, mode).build(), group);
            ClientSocket socket = manager.socket("/");
            BlockingQueue<ListValue> echoes = new LinkedBlockingQueue<>();
            BlockingQueue<ListValue> answers = new LinkedBlockingQueue<>();
            socket.on("echo", (args, ack) -> echoes.add(args));
            socket.on("answer", (args, ack) -> answers.add(args));
            socket.on("question", (args, ack) -> ack.send("answer to " + args.get(0).asString()));
            CompletableFuture<Void> connected = new CompletableFuture<>();
            socket.onConnect(() -> connected.complete(null));
            socket.connect();
            connected.get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(socket.id());

            ListValue me = socket.emitWithAck("whoami").get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertEquals(Value.of("ada"), me.get(0).get("name"));

            byte[] blob = {1, 2, 3, (byte) 0xff};
            ListValue echoed = socket.emitWithAck("echo", "text", 42, blob, Value.map("nested", blob))
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertEquals(Value.of("text"), echoed.get(0));
            assertEquals(Value.of(42), echoed.get(1));
            assertArrayEquals(blob, echoed.get(2).asBytes());
            assertArrayEquals(blob, echoed.get(3).get("nested").asBytes());

            socket.emit("echo", "no-ack", blob);
            ListValue pushed = echoes.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(pushed, "the server's emit reached the listener");
            assertEquals(Value.of("no-ack"), pushed.get(0));
            assertArrayEquals(blob, pushed.get(1).asBytes());

            socket.emit("ask", "life");
            ListValue answer = answers.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(answer, "the server got our acknowledgement of its question");
            assertEquals(Value.of("answer to life"), answer.get(0));

            ExecutionException timedOut = assertThrows(ExecutionException.class,
                    () -> socket.timeout(200).emitWithAck("silent").get(WAIT_SECONDS, TimeUnit.SECONDS));
            assertInstanceOf(AckTimeoutException.class, timedOut.getCause());

            ClientSocket custom = manager.socket("/custom").connect();
            assertEquals(Value.of("/custom"),
                    custom.emitWithAck("where").get(WAIT_SECONDS, TimeUnit.SECONDS).get(0));

            TransportType expected = mode == Mode.POLLING ? TransportType.POLLING : TransportType.WEBSOCKET;
            awaitTrue(() -> manager.transport() == expected, "transport becomes " + expected);
            assertEquals(Value.of("/custom"),
                    custom.emitWithAck("where").get(WAIT_SECONDS, TimeUnit.SECONDS).get(0), "after the upgrade");
            manager.close();
            s.awaitNoSessions();
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("matrix")
    void reconnectsAndRecoversTheSessionAfterTheServerDropsTheTransport(String server, ParserKind parser,
                                                                       Mode mode) throws Exception {
        try (ClientTestServer s = start(server, parser)) {
            BlockingQueue<String> reconnects = new LinkedBlockingQueue<>();
            Manager manager = new Manager(URI.create(s.url()), options(parser, mode).build(), group,
                    new ManagerListener() {
                        @Override
                        public void onReconnect(int attempt) {
                            reconnects.add("reconnect after " + attempt);
                        }
                    });
            ClientSocket socket = manager.socket("/");
            BlockingQueue<String> connects = new LinkedBlockingQueue<>();
            BlockingQueue<String> disconnects = new LinkedBlockingQueue<>();
            BlockingQueue<ListValue> missed = new LinkedBlockingQueue<>();
            CompletableFuture<ListValue> tick = new CompletableFuture<>();
            socket.onConnect(() -> connects.add(socket.id()));
            socket.onDisconnect(disconnects::add);
            socket.on("tick", (args, ack) -> tick.complete(args));
            socket.on("missed", (args, ack) -> missed.add(args));
            socket.connect();
            String firstId = connects.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(firstId, "connected");
            ListValue tickArgs = tick.get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertEquals(Value.of(1), tickArgs.get(0));
            assertTrue(tickArgs.get(tickArgs.size() - 1).isString(), "the server appends its offset: " + tickArgs);
            if (mode == Mode.UPGRADE) {
                awaitTrue(() -> manager.transport() == TransportType.WEBSOCKET, "upgraded before the drop");
            }

            socket.emit("drop-me", manager.engineSid());
            assertEquals("transport close", disconnects.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            String secondId = connects.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(secondId, "reconnected");
            assertNotNull(reconnects.poll(WAIT_SECONDS, TimeUnit.SECONDS), "the manager reported the reconnection");
            assertTrue(socket.recovered(), "the session was recovered");
            assertEquals(firstId, secondId, "a recovered session keeps its id");
            ListValue replayed = missed.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(replayed, "the event emitted while away was replayed");
            assertEquals(Value.of("while-away"), replayed.get(0));
            manager.close();
            s.awaitNoSessions();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void reportsTheMiddlewaresRefusalAsConnectError(String server) throws Exception {
        try (ClientTestServer s = start(server, ParserKind.DEFAULT)) {
            Manager manager = new Manager(URI.create(s.url()), ClientOptions.builder()
                    .auth(Value.map("token", "bad")).transports(TransportType.WEBSOCKET).build(), group);
            CompletableFuture<ConnectErrorException> refused = new CompletableFuture<>();
            manager.socket("/").onConnectError(refused::complete).connect();
            ConnectErrorException error = refused.get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertTrue(error.fromServer());
            assertEquals("not authorized", error.getMessage());
            assertEquals(Value.of(401), error.data().get("code"));
            manager.close();
            s.awaitNoSessions();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void serverSideDisconnectIsFinalAndClosesTheUnusedConnection(String server) throws Exception {
        try (ClientTestServer s = start(server, ParserKind.DEFAULT)) {
            Manager manager = new Manager(URI.create(s.url()), options(ParserKind.DEFAULT, Mode.WEBSOCKET).build(),
                    group);
            ClientSocket socket = manager.socket("/");
            CompletableFuture<Void> connected = new CompletableFuture<>();
            CompletableFuture<String> disconnected = new CompletableFuture<>();
            socket.onConnect(() -> connected.complete(null));
            socket.onDisconnect(disconnected::complete);
            socket.connect();
            connected.get(WAIT_SECONDS, TimeUnit.SECONDS);
            socket.emit("kick-me");
            assertEquals("io server disconnect", disconnected.get(WAIT_SECONDS, TimeUnit.SECONDS));
            awaitTrue(() -> manager.transport() == null, "the manager closes its connection, with no reconnection");
            assertTrue(!socket.connected());
            s.awaitNoSessions();
        }
    }

    static List<String> servers() {
        return List.of("tickwire", "node");
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }
}
