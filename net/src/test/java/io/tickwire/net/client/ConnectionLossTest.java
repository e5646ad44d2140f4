package io.tickwire.net.client;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.tickwire.net.socketio.parser.ParserKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the client notices a lost server and what it does about it. */
class ConnectionLossTest {
    private static EventLoopGroup group;

    @BeforeAll
    static void startGroup() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stopGroup() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @ParameterizedTest
    @EnumSource(TransportType.class)
    void frozenServerIsDetectedByThePingDeadlineAndReconnectedToWhenItWakes(TransportType transport)
            throws Exception {
        try (ClientTestServer server = ClientTestServer.node("default", "fast-heartbeat")) {
            Manager manager = new Manager(URI.create(server.url()), ClientOptions.builder()
                    .transports(transport).parser(ParserKind.DEFAULT)
                    .reconnectionDelayMs(100).reconnectionDelayMaxMs(200).build(), group);
            ClientSocket socket = manager.socket("/");
            BlockingQueue<String> connects = new LinkedBlockingQueue<>();
            BlockingQueue<String> disconnects = new LinkedBlockingQueue<>();
            socket.onConnect(() -> connects.add("connect"));
            socket.onDisconnect(disconnects::add);
            socket.connect();
            assertNotNull(connects.poll(10, TimeUnit.SECONDS), "connected");

            signal(server.pid(), "STOP");
            try {
                // pingInterval 200 + pingTimeout 200: the deadline passes long before this wait ends
                assertEquals("ping timeout", disconnects.poll(10, TimeUnit.SECONDS));
            } finally {
                signal(server.pid(), "CONT");
            }
            assertNotNull(connects.poll(10, TimeUnit.SECONDS), "reconnected once the server runs again");
            assertTrue(socket.connected());
            manager.close();
        }
    }

    @Test
    void givesUpAfterReconnectionAttemptsAndReportsEachFailure() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<Void> gaveUp = new CompletableFuture<>();
        Manager manager = new Manager(URI.create("http://127.0.0.1:" + closedPort), ClientOptions.builder()
                .transports(TransportType.WEBSOCKET).reconnectionAttempts(2)
                .reconnectionDelayMs(10).reconnectionDelayMaxMs(20).build(), group, new ManagerListener() {
                    @Override
                    public void onReconnectAttempt(int attempt) {
                        attempts.incrementAndGet();
                    }

                    @Override
                    public void onReconnectFailed() {
                        gaveUp.complete(null);
                    }
                });
        AtomicInteger connectErrors = new AtomicInteger();
        ClientSocket socket = manager.socket("/").onConnectError(e -> {
            assertFalse(e.fromServer());
            connectErrors.incrementAndGet();
        }).connect();
        gaveUp.get(10, TimeUnit.SECONDS);
        assertEquals(2, attempts.get(), "as many attempts as reconnectionAttempts");
        assertEquals(3, connectErrors.get(), "the first try and both attempts failed");
        assertFalse(socket.connected());
        manager.close();
    }

    @Test
    void connectAfterCloseOpensANewConnection() throws Exception {
        try (ClientTestServer server = ClientTestServer.tickwire()) {
            Manager manager = new Manager(URI.create(server.url()), ClientOptions.builder()
                    .transports(TransportType.WEBSOCKET).build(), group);
            ClientSocket socket = manager.socket("/");
            BlockingQueue<String> connects = new LinkedBlockingQueue<>();
            BlockingQueue<String> disconnects = new LinkedBlockingQueue<>();
            socket.onConnect(() -> connects.add(socket.id()));
            socket.onDisconnect(disconnects::add);
            socket.connect();
            assertNotNull(connects.poll(10, TimeUnit.SECONDS), "connected");
            String firstSession = manager.engineSid();
            manager.close();
            assertEquals("io client disconnect", disconnects.poll(10, TimeUnit.SECONDS));
            socket.connect();
            assertNotNull(connects.poll(10, TimeUnit.SECONDS), "connected again");
            assertTrue(socket.connected());
            assertNotNull(manager.engineSid());
            assertTrue(!manager.engineSid().equals(firstSession), "over a new Engine.IO session");
            manager.close();
            server.awaitNoSessions();
        }
    }

    private static void signal(long pid, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + signal + " " + pid);
    }
}
