package io.tickwire.net.socketio;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.tickwire.net.client.ClientOptions;
import io.tickwire.net.client.ClientSocket;
import io.tickwire.net.client.ConnectErrorException;
import io.tickwire.net.client.Manager;
import io.tickwire.net.client.TransportType;
import io.tickwire.net.engineio.EngineIoOptions;
import io.tickwire.net.server.HttpRoute;
import io.tickwire.net.server.HttpServer;
import io.tickwire.net.socketio.parser.MapValue;
import io.tickwire.net.socketio.parser.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The JWT middleware of SECURITY.md against the Socket.IO client: who gets in, and what the others are told. */
class JwtAuthMiddlewareTest {
    private static final byte[] SECRET = "a-test-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8);
    private static final long NOW = 1_800_000_000_000L;

    private static SocketIoServer io;
    private static HttpServer http;
    private static EventLoopGroup group;
    private static final BlockingQueue<Object> USER_IDS = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws Exception {
        io = new SocketIoServer(SocketIoOptions.builder()
                .engine(EngineIoOptions.builder().path("/socket.io/").build()).build());
        io.use(new JwtAuthMiddleware(SECRET, "tickwire-tests", () -> NOW));
        io.onConnection(socket -> USER_IDS.add(socket.data().get("userId")));
        http = HttpServer.builder().port(0).ioThreads(1).route(HttpRoute.engineIo(io.engine())).start();
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stop() {
        io.close();
        http.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static String token(byte[] secret, String issuer, long expiresAtMillis) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .subject("player-7").issuer(issuer).expirationTime(new Date(expiresAtMillis)).build());
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    /** "connected", or the CONNECT_ERROR's message. */
    private static String connectWith(MapValue auth) throws Exception {
        ClientOptions.Builder options = ClientOptions.builder().transports(TransportType.WEBSOCKET).reconnection(false);
        if (auth != null) {
            options.auth(auth);
        }
        Manager manager = new Manager(URI.create("http://127.0.0.1:" + http.port()), options.build(), group);
        try {
            ClientSocket socket = manager.socket("/");
            CompletableFuture<String> outcome = new CompletableFuture<>();
            socket.onConnect(() -> outcome.complete("connected"));
            socket.onConnectError((ConnectErrorException e) -> outcome.complete(e.getMessage()));
            socket.connect();
            return outcome.get(10, TimeUnit.SECONDS);
        } finally {
            manager.close();
        }
    }

    @Test
    void admitsAValidTokenAndKeepsItsSubject() throws Exception {
        assertEquals("connected", connectWith(Value.map("token", token(SECRET, "tickwire-tests", NOW + 60_000))));
        assertEquals("player-7", USER_IDS.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void refusesMissingForgedExpiredAndForeignTokensWithConnectError() throws Exception {
        byte[] otherSecret = "another-secret-also-32-bytes-long!!!".getBytes(StandardCharsets.UTF_8);
        assertEquals("missing token", connectWith(null));
        assertEquals("invalid token", connectWith(Value.map("token", "not.a.jwt")));
        assertEquals("invalid token", connectWith(Value.map("token", token(otherSecret, "tickwire-tests", NOW + 60_000))));
        assertEquals("token expired", connectWith(Value.map("token", token(SECRET, "tickwire-tests", NOW - 1))));
        assertEquals("invalid token", connectWith(Value.map("token", token(SECRET, "someone-else", NOW + 60_000))));
        assertEquals(0, USER_IDS.size(), "no refused socket reached the connection listeners");
    }
}
