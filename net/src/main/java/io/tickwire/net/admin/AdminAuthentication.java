package io.tickwire.net.admin;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.tickwire.net.socketio.ConnectError;
import io.tickwire.net.socketio.ConnectionMiddleware;
import io.tickwire.net.socketio.Next;
import io.tickwire.net.socketio.Socket;
import io.tickwire.net.socketio.parser.MapValue;
import io.tickwire.net.socketio.parser.Value;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * The admin namespace's basic authentication, as the UI speaks it: the handshake's {@code auth} carries either
 * a {@code sessionId} this server gave out, or {@code username} and {@code password}, checked against the
 * bcrypt hash. A successful check makes a new session, which {@link AdminInstrumentation} sends as
 * {@code session}. bcrypt is slow by design, so it runs on {@code verifier}, never on an event loop; the
 * sessions kept are bounded ({@value #MAX_SESSIONS}, oldest forgotten first).
 */
final class AdminAuthentication implements ConnectionMiddleware {
    static final String NEW_SESSION_KEY = "_adminNewSession";
    private static final int MAX_SESSIONS = 1_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String username;
    private final byte[] hash;
    private final ExecutorService verifier;
    private final Map<String, Long> sessions = new ConcurrentHashMap<>();

    AdminAuthentication(String username, String passwordHash, ExecutorService verifier) {
        this.username = username;
        this.hash = passwordHash.getBytes(StandardCharsets.US_ASCII);
        this.verifier = verifier;
    }

    @Override
    public void handle(Socket socket, Next next) {
        MapValue auth = socket.handshake().auth();
        String sessionId = text(auth, "sessionId");
        if (sessionId != null && sessions.containsKey(sessionId)) {
            next.proceed();
            return;
        }
        String user = text(auth, "username");
        String password = text(auth, "password");
        if (user == null || password == null || !user.equals(username)) {
            next.fail(new ConnectError("invalid credentials"));
            return;
        }
        try {
            verifier.execute(() -> {
                if (BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8), hash).verified) {
                    socket.data().put(NEW_SESSION_KEY, newSession());
                    next.proceed();
                } else {
                    next.fail(new ConnectError("invalid credentials"));
                }
            });
        } catch (RejectedExecutionException closed) {
            next.fail(new ConnectError("server closed"));
        }
    }

    private String newSession() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.entrySet().stream().min(Map.Entry.comparingByValue())
                    .ifPresent(oldest -> sessions.remove(oldest.getKey()));
        }
        sessions.put(id, System.nanoTime());
        return id;
    }

    private static String text(MapValue auth, String key) {
        Value value = auth.has(key) ? auth.get(key) : null;
        return value != null && value.isString() ? value.asString() : null;
    }
}
