package io.tickwire.net.client;

import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContextBuilder;
import io.tickwire.engine.match.MatchOptions;
import io.tickwire.net.launch.Launcher;
import io.tickwire.net.launch.ServerSettings;
import io.tickwire.net.launch.TickwireServer;
import io.tickwire.net.match.GameMode;
import io.tickwire.net.match.GameServer;
import io.tickwire.net.match.InputRules;
import io.tickwire.net.server.IoTransport;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.Value;
import io.tickwire.net.testing.IdleMatch;
import io.tickwire.net.testing.TestCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client over TLS: {@code https://} and {@code wss://} URLs against a Tickwire server with a self-signed
 * certificate (made by the JDK's keytool), trusted through {@link ClientOptions#sslContext()}; extra headers
 * reach the server's handshake on every transport.
 */
class ClientTlsTest {
    private static final long WAIT_SECONDS = 20;

    @TempDir
    static Path dir;
    private static Path caPem;
    private static TickwireServer server;
    private static EventLoopGroup group;

    @BeforeAll
    static void startServer() throws Exception {
        TestCertificate certificate = TestCertificate.create(dir);
        caPem = certificate.pem();
        ServerSettings settings = ServerSettings.from(new Launcher("test", "", List.of()).parse(new String[] {
                "--port", "0", "--tls-key-store", certificate.keyStore().toString()},
                Map.of("TICKWIRE_TLS_KEY_STORE_PASSWORD", certificate.password())).config());
        server = TickwireServer.start(settings, io -> {
            io.onConnection(socket -> {
                socket.on("echo", (args, ack) -> ack.send(args.get(0)));
                socket.on("token", (args, ack) -> ack.send(String.valueOf(socket.handshake().header("x-game-token"))));
            });
            return GameServer.builder(io).mode(new GameMode("none", MatchOptions.builder().build(), IdleMatch::new,
                    InputRules.fixedSize(4)));
        });
        group = IoTransport.best().newGroup(1);
    }

    @AfterAll
    static void stopServer() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        server.close();
    }

    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource({"https, polling", "https, websocket", "https, upgrade", "wss, websocket"})
    void connectsEmitsAndSendsItsHeadersOverTls(String scheme, String mode) throws Exception {
        List<TransportType> transports = switch (mode) {
            case "polling" -> List.of(TransportType.POLLING);
            case "websocket" -> List.of(TransportType.WEBSOCKET);
            default -> List.of(TransportType.POLLING, TransportType.WEBSOCKET);
        };
        ClientOptions options = ClientOptions.builder().transports(transports.toArray(TransportType[]::new))
                .sslContext(SslContextBuilder.forClient().trustManager(caPem.toFile()).build())
                .extraHeaders(Map.of("X-Game-Token", "t-42")).reconnection(false).build();
        Manager manager = new Manager(URI.create(scheme + "://127.0.0.1:" + server.port()), options, group);
        try {
            ClientSocket socket = manager.socket("/");
            CompletableFuture<Void> connected = new CompletableFuture<>();
            socket.onConnect(() -> connected.complete(null));
            socket.connect();
            connected.get(WAIT_SECONDS, TimeUnit.SECONDS);

            ListValue echoed = socket.emitWithAck("echo", "over tls").get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertEquals(Value.of("over tls"), echoed.get(0));
            assertEquals(Value.of("t-42"), socket.emitWithAck("token").get(WAIT_SECONDS, TimeUnit.SECONDS).get(0));
            TransportType last = transports.get(transports.size() - 1);
            awaitTrue(() -> manager.transport() == last, "the transport becomes " + last);
            assertEquals(Value.of("again"), socket.emitWithAck("echo", "again").get(WAIT_SECONDS, TimeUnit.SECONDS).get(0));
        } finally {
            manager.close();
        }
    }

    @Test
    void aCertificateTheJdkDoesNotTrustIsRefusedByDefault() throws Exception {
        ClientOptions options = ClientOptions.builder().transports(TransportType.WEBSOCKET).reconnection(false).build();
        Manager manager = new Manager(URI.create("https://127.0.0.1:" + server.port()), options, group);
        try {
            CompletableFuture<ConnectErrorException> refused = new CompletableFuture<>();
            ClientSocket socket = manager.socket("/").onConnectError(refused::complete).connect();
            ConnectErrorException error = refused.get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertFalse(error.fromServer(), "the TLS handshake failed on our side: " + error.getMessage());
            assertFalse(socket.connected());
        } finally {
            manager.close();
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what);
            Thread.sleep(10);
        }
    }
}
