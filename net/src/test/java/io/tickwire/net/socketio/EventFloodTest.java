package io.tickwire.net.socketio;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.tickwire.net.client.ClientOptions;
import io.tickwire.net.client.ClientSocket;
import io.tickwire.net.client.Manager;
import io.tickwire.net.client.TransportType;
import io.tickwire.net.engineio.EngineIoOptions;
import io.tickwire.net.server.HttpRoute;
import io.tickwire.net.server.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that emits as fast as it can against a server with an {@link EventRateLimit}: its excess is
 * dropped, then it is disconnected, and meanwhile three well-behaved clients' round trips stay prompt.
 */
class EventFloodTest {
    private static final int ROUND_TRIPS_PER_CLIENT = 200;

    @Test
    void dropsThenDisconnectsAFlooderWhileOtherClientsKeepTheirLatency() throws Exception {
        SocketIoServer io = new SocketIoServer(SocketIoOptions.builder()
                .engine(EngineIoOptions.builder().path("/socket.io/").build())
                .eventRateLimit(new EventRateLimit(200, 100, 1000))
                .build());
        io.onConnection(socket -> socket.on("echo", (args, ack) -> {
            if (ack != null) {
                ack.send(args.asList().toArray());
            }
        }));
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup flooderGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (HttpServer http = HttpServer.builder().port(0).ioThreads(2).route(HttpRoute.engineIo(io.engine())).start()) {
            URI uri = URI.create("http://127.0.0.1:" + http.port());
            ClientOptions options = ClientOptions.builder().transports(TransportType.WEBSOCKET).reconnection(false).build();
            // the flooder's own client loop, so that its backlog of emits does not delay the others' clients
            Manager flooderManager = new Manager(uri, options, flooderGroup);
            ClientSocket flooder = connect(flooderManager.socket("/"));
            BlockingQueue<String> flooderGone = new LinkedBlockingQueue<>();
            flooder.onDisconnect(flooderGone::add);
            List<Manager> managers = new ArrayList<>();
            List<ClientSocket> others = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Manager m = new Manager(uri, options, group);
                managers.add(m);
                others.add(connect(m.socket("/")));
            }

            AtomicBoolean flooding = new AtomicBoolean(true);
            Thread flood = new Thread(() -> {
                try {
                    while (flooding.get() && flooder.connected()) {
                        for (int i = 0; i < 20; i++) {
                            flooder.emit("echo", "spam");
                        }
                        Thread.sleep(1); // ~15,000 a second: 75 times the limit, and a CPU share the machine can spare
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            flood.start();
            long[] latencies = new long[others.size() * ROUND_TRIPS_PER_CLIENT];
            int n = 0;
            for (int round = 0; round < ROUND_TRIPS_PER_CLIENT; round++) {
                for (ClientSocket other : others) {
                    long start = System.nanoTime();
                    other.emitWithAck("echo", round).get(10, TimeUnit.SECONDS);
                    latencies[n++] = System.nanoTime() - start;
                }
                Thread.sleep(10); // at most 100 emits a second per client: half its own limit
            }
            flooding.set(false);
            flood.join(5000);

            String reason = flooderGone.poll(10, TimeUnit.SECONDS);
            assertTrue("transport close".equals(reason) || "transport error".equals(reason),
                    "the flooder's connection was closed under it: " + reason);
            assertEquals(1, io.metrics().floodClosed());
            assertTrue(io.metrics().floodDropped() > 1000, "its excess was dropped: " + io.metrics().floodDropped());
            for (ClientSocket other : others) {
                assertTrue(other.connected(), "well-behaved clients stay connected");
            }
            Arrays.sort(latencies);
            long p99Ms = latencies[(int) (latencies.length * 0.99)] / 1_000_000;
            System.out.println("EventFloodTest: well-behaved p99 " + p99Ms + " ms, flood drops " + io.metrics().floodDropped());
            assertTrue(p99Ms < 500, "well-behaved clients' p99 round trip: " + p99Ms + " ms");
            flooderManager.close();
            managers.forEach(Manager::close);
        } finally {
            io.close();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            flooderGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static ClientSocket connect(ClientSocket socket) throws Exception {
        CompletableFuture<Void> connected = new CompletableFuture<>();
        socket.onConnect(() -> connected.complete(null));
        socket.connect();
        connected.get(10, TimeUnit.SECONDS);
        assertNotNull(socket.id());
        return socket;
    }
}
