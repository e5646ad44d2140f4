package io.tickwire.benchmarks.peers;

import io.netty.channel.EventLoopGroup;
import io.tickwire.net.client.ClientOptions;
import io.tickwire.net.client.ClientSocket;
import io.tickwire.net.client.Manager;
import io.tickwire.net.client.TransportType;
import io.tickwire.net.server.IoTransport;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The netty-socketio peer implements the broadcast handler as loadtest/README.md specifies, seen by our
 * Socket.IO client over WebSocket (the transport of the compare workload): an input reaches every member of the sender's room (sender included) and nobody else.
 */
class NettySocketIoPeerTest {
    private static NettySocketIoBroadcastServer server;
    private static EventLoopGroup group;
    private final List<Manager> managers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = NettySocketIoBroadcastServer.start(0);
        group = IoTransport.best().newGroup(1);
    }

    @AfterAll
    static void stop() {
        server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void anInputReachesEveryMemberOfTheSendersRoomAndNoOneElse() throws Exception {
        Member a1 = join("room-a");
        Member a2 = join("room-a");
        Member b1 = join("room-b");
        Member lobby = join(null);

        a1.socket.emit("input", Value.map("seq", 7, "t", 1.5));

        for (Member member : List.of(a1, a2)) {
            ListValue state = member.states.poll(5, TimeUnit.SECONDS);
            assertNotNull(state, "a member of room-a got no state");
            assertEquals(7, state.get(0).get("seq").asLong());
            assertEquals(a1.socket.id(), state.get(0).get("from").asString());
            double serverMillis = state.get(0).get("t").asDouble();
            assertTrue(Math.abs(serverMillis - System.currentTimeMillis()) < 10_000, "t is epoch ms: " + serverMillis);
        }
        b1.socket.emit("input", Value.map("seq", 8, "t", 2.0));
        assertEquals(8, b1.states.poll(5, TimeUnit.SECONDS).get(0).get("seq").asLong());
        assertNull(lobby.states.poll(300, TimeUnit.MILLISECONDS), "a client without a room got another room's state");
        assertNull(a1.states.poll(0, TimeUnit.MILLISECONDS), "room-a got room-b's state, or one state twice");
        assertNull(a2.states.poll(0, TimeUnit.MILLISECONDS), "room-a got room-b's state, or one state twice");
        assertNull(b1.states.poll(0, TimeUnit.MILLISECONDS), "room-b got room-a's state");
    }

    @Test
    void anActionIsAcknowledgedWithItsSeqAndTheServersTime() throws Exception {
        Member member = join("room-c");

        ListValue answer = member.socket.emitWithAck("action", Value.map("seq", 3, "t", 1.0)).get(5, TimeUnit.SECONDS);

        assertEquals(3, answer.get(0).get("seq").asLong());
        assertTrue(answer.get(0).get("t").asDouble() > 0);
    }

    @Test
    void roomIsTakenFromTheAuthOrIsTheLobby() {
        assertEquals("room-9", NettySocketIoBroadcastServer.roomOf(java.util.Map.of("room", "room-9")));
        assertEquals("lobby", NettySocketIoBroadcastServer.roomOf(null));
        assertEquals("lobby", NettySocketIoBroadcastServer.roomOf(java.util.Map.of("room", 5)));
    }

    @org.junit.jupiter.api.AfterEach
    void closeClients() {
        managers.forEach(Manager::close);
    }

    private Member join(String room) throws Exception {
        ClientOptions.Builder options = ClientOptions.builder().transports(TransportType.WEBSOCKET);
        if (room != null) {
            options.auth(Value.map("room", room));
        }
        Manager manager = new Manager(URI.create("http://127.0.0.1:" + server.port()), options.build(), group);
        managers.add(manager);
        ClientSocket socket = manager.socket("/");
        BlockingQueue<ListValue> states = new LinkedBlockingQueue<>();
        CompletableFuture<Void> connected = new CompletableFuture<>();
        socket.on("state", (args, ack) -> states.add(args));
        socket.onConnect(() -> connected.complete(null));
        socket.connect();
        connected.get(5, TimeUnit.SECONDS);
        return new Member(socket, states);
    }

    private record Member(ClientSocket socket, BlockingQueue<ListValue> states) {
    }
}
