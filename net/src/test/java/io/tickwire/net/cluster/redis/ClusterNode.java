package io.tickwire.net.cluster.redis;

import io.tickwire.net.server.HttpRoute;
import io.tickwire.net.server.HttpServer;
import io.tickwire.net.socketio.SocketIoOptions;
import io.tickwire.net.socketio.SocketIoServer;

import java.util.concurrent.TimeUnit;

/**
 * One Tickwire Socket.IO node of a test cluster: its own Redis link, a server whose namespaces use the
 * {@link RedisAdapter}, and an HTTP server on a free port. A client joins the room named by its
 * handshake query {@code room}.
 */
final class ClusterNode implements AutoCloseable {
    final RedisLink link;
    final SocketIoServer io;
    final HttpServer http;

    ClusterNode(String redisUri) throws Exception {
        this(redisUri, RedisAdapterOptions.defaults());
    }

    ClusterNode(String redisUri, RedisAdapterOptions options) throws Exception {
        link = RedisLink.connect(redisUri);
        io = new SocketIoServer(SocketIoOptions.builder().adapterFactory(RedisAdapter.factory(link, options)).build());
        io.onConnection(socket -> {
            String room = socket.handshake().query().get("room");
            if (room != null) {
                socket.join(room);
            }
            socket.data().put("origin", "tickwire");
        });
        http = HttpServer.builder().port(0).route(HttpRoute.engineIo(io.engine())).start();
        adapter().ready().get(10, TimeUnit.SECONDS);
    }

    RedisAdapter adapter() {
        return (RedisAdapter) io.sockets().adapter();
    }

    String url() {
        return "http://127.0.0.1:" + http.port();
    }

    @Override
    public void close() {
        io.close();
        http.close();
        link.close();
    }
}
