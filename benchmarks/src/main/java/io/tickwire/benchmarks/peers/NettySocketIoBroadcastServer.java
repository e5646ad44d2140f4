package io.tickwire.benchmarks.peers;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The loadtest {@code broadcast} scenario's handler (loadtest/README.md, "The broadcast handler") on
 * netty-socketio 2.0.14, a peer of {@code ./run bench compare}. JSON parser only (netty-socketio has no
 * msgpack parser).
 *
 * <p>{@code java ... NettySocketIoBroadcastServer [port]} listens on 127.0.0.1 (port 0: a free one) and
 * prints {@code {"port":N}} once ready; it runs until killed.
 *
 * <p>The room comes from the CONNECT packet's auth, which netty-socketio hands to an
 * {@code AuthTokenListener}: its connect listener runs when the Engine.IO session opens, before the CONNECT
 * packet was read, so {@code getHandshakeData().getAuthToken()} is still null there and every client would
 * land in the lobby (the room bug of an earlier version of this class, caught by NettySocketIoPeerTest). The
 * room is kept on the client ({@link SocketIOClient#set}), not taken from {@link SocketIOClient#getAllRooms()}
 * (which also holds the namespace's default room {@code ""}); a client that connected without auth joins the
 * lobby at its first input.
 */
public final class NettySocketIoBroadcastServer implements AutoCloseable {
    static final String ROOM_KEY = "broadcast-room";
    /** netty-socketio's name of the main namespace. */
    private static final String DEFAULT_NAMESPACE = "";

    private final SocketIOServer server;
    private final int port;

    private NettySocketIoBroadcastServer(SocketIOServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts the server on {@code 127.0.0.1:port} (0: a free port); returns once it listens. */
    public static NettySocketIoBroadcastServer start(int port) throws IOException {
        int chosen = port != 0 ? port : freePort();
        Configuration config = new Configuration();
        config.setHostname("127.0.0.1");
        config.setPort(chosen);
        SocketIOServer server = new SocketIOServer(config);
        server.getNamespace(DEFAULT_NAMESPACE).addAuthTokenListener((auth, client) -> {
            join(client, roomOf(auth));
            return AuthTokenResult.AuthTokenResultSuccess;
        });
        server.addEventListener("input", Map.class, (client, input, ack) -> onInput(server, client, input));
        server.addEventListener("action", Map.class, NettySocketIoBroadcastServer::onAction);
        server.start();
        return new NettySocketIoBroadcastServer(server, chosen);
    }

    /** The port it listens on. */
    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.stop();
    }

    public static void main(String[] args) throws Exception {
        NettySocketIoBroadcastServer server = start(args.length > 0 ? Integer.parseInt(args[0]) : 3000);
        System.out.println("{\"port\":" + server.port() + "}");
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "netty-socketio-shutdown"));
        new CountDownLatch(1).await();
    }

    static String roomOf(Object auth) {
        if (auth instanceof Map<?, ?> map && map.get("room") instanceof String room) {
            return room;
        }
        return "lobby";
    }

    private static String join(SocketIOClient client, String room) {
        client.set(ROOM_KEY, room);
        client.joinRoom(room);
        return room;
    }

    private static void onInput(SocketIOServer server, SocketIOClient client, Map<?, ?> input) {
        String room = client.get(ROOM_KEY);
        if (room == null) {
            room = join(client, "lobby");
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("seq", input.get("seq"));
        state.put("from", client.getSessionId().toString());
        state.put("t", epochMillis());
        server.getRoomOperations(room).sendEvent("state", state);
    }

    private static void onAction(SocketIOClient client, Map<?, ?> action, AckRequest ack) {
        if (ack.isAckRequested()) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("seq", action.get("seq"));
            answer.put("t", epochMillis());
            ack.sendAckData(answer);
        }
    }

    private static double epochMillis() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1000.0 + now.getNano() / 1e6;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            return probe.getLocalPort();
        }
    }
}
