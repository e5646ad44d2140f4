package io.tickwire.net.client;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.ParserKind;
import io.tickwire.net.socketio.parser.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Manager#batch}: several emits sent together reach our server and the reference socket.io server
 * in emit order, acknowledgements included, over WebSocket and polling; emits after the batch are sent on
 * their own again.
 */
class ManagerBatchTest {
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

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"tickwire, WEBSOCKET", "tickwire, POLLING", "node, WEBSOCKET", "node, POLLING"})
    void batchedEmitsArriveInOrderWithTheirAcks(String server, TransportType transport) throws Exception {
        try (ClientTestServer s = server.equals("tickwire") ? ClientTestServer.tickwire()
                : ClientTestServer.node("default")) {
            Manager manager = new Manager(URI.create(s.url()), ClientOptions.builder().parser(ParserKind.DEFAULT)
                    .transports(transport).auth(Value.map("token", "good")).build(), group);
            ClientSocket socket = manager.socket("/");
            BlockingQueue<String> echoes = new LinkedBlockingQueue<>();
            socket.on("echo", (args, ack) -> echoes.add(args.get(0).asString()));
            CompletableFuture<Void> connected = new CompletableFuture<>();
            socket.onConnect(() -> connected.complete(null));
            socket.connect();
            connected.get(WAIT_SECONDS, TimeUnit.SECONDS);

            CompletableFuture<ListValue> acked = new CompletableFuture<>();
            CompletableFuture<Boolean> ranOnTheLoop = new CompletableFuture<>();
            manager.batch(() -> {
                ranOnTheLoop.complete(manager.eventLoop().inEventLoop());
                socket.emit("echo", "first");
                socket.emit("echo", "second");
                socket.emit("whoami", (ClientAckCallback) (error, args) -> acked.complete(args));
                socket.emit("echo", "third");
            });
            assertTrue(ranOnTheLoop.get(WAIT_SECONDS, TimeUnit.SECONDS), "a batch runs on the manager's loop");
            assertEquals("first", echoes.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            assertEquals("second", echoes.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            assertEquals("third", echoes.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            assertEquals(Value.of("good"), acked.get(WAIT_SECONDS, TimeUnit.SECONDS).get(0).get("token"));

            socket.emit("echo", "after the batch");
            String after = echoes.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(after, "an emit after the batch is not held back");
            assertEquals("after the batch", after);
            manager.close();
            s.awaitNoSessions();
        }
    }
}
