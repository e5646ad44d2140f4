package io.tickwire.net.client;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A server bug found by the client tests, kept as a failing test until the server is fixed: an upgraded
 * WebSocket may live on another event loop than its session; {@code WebSocketTransport.channelRead} hands
 * each frame to the session loop with {@code execute}, and when that loop is shutting down the task is
 * refused; the frame must still be released. Here the client's CLOSE frame races the server's shutdown.
 */
class ServerShutdownLeakTest {

    @Test
    void serverReleasesFramesThatArriveWhileItShutsDown() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            for (int i = 0; i < 20; i++) {
                ClientTestServer server = ClientTestServer.tickwire();
                Manager manager = new Manager(URI.create(server.url()), ClientOptions.defaults(), group);
                ClientSocket socket = manager.socket("/");
                CompletableFuture<Void> connected = new CompletableFuture<>();
                socket.onConnect(() -> connected.complete(null));
                socket.connect();
                connected.get(10, TimeUnit.SECONDS);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (manager.transport() != TransportType.WEBSOCKET && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                manager.close();
                server.close();
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
