package io.tickwire.loadtest;

import io.tickwire.net.server.HttpRoute;
import io.tickwire.net.server.HttpServer;
import io.tickwire.net.server.IoTransport;
import io.tickwire.net.socketio.SocketIoOptions;
import io.tickwire.net.socketio.SocketIoServer;
import io.tickwire.net.socketio.parser.MapValue;
import io.tickwire.net.socketio.parser.Value;

/**
 * The server side of the broadcast scenario on our Socket.IO server: the handler documented in
 * loadtest/README.md, which any Socket.IO server can implement (the Node one is
 * {@code loadtest/peers/broadcast-server.mjs}). Handlers run on the connection's event loop.
 */
public final class BroadcastScenarioServer implements AutoCloseable {
    private final SocketIoServer io;
    private final HttpServer http;

    private BroadcastScenarioServer(SocketIoServer io, HttpServer http) {
        this.io = io;
        this.http = http;
    }

    /** Starts on {@code host:port} (port 0 picks a free one). */
    public static BroadcastScenarioServer start(String host, int port) {
        return start(host, port, IoTransport.best(), Runtime.getRuntime().availableProcessors());
    }

    /** The same on {@code ioThreads} event loops of the socket implementation {@code ioTransport}. */
    public static BroadcastScenarioServer start(String host, int port, IoTransport ioTransport, int ioThreads) {
        SocketIoServer io = new SocketIoServer(SocketIoOptions.defaults());
        install(io);
        HttpServer http = HttpServer.builder().host(host).port(port).ioTransport(ioTransport).ioThreads(ioThreads)
                .routes(HttpRoute.socketIo(io)).start();
        return new BroadcastScenarioServer(io, http);
    }

    /** Installs the broadcast handler on the main namespace of {@code io}. */
    public static void install(SocketIoServer io) {
        WallClock clock = WallClock.system();
        io.onConnection(socket -> {
            Value room = socket.handshake().auth().get(BroadcastProtocol.AUTH_ROOM);
            String roomName = room.isString() ? room.asString() : "lobby";
            socket.join(roomName);
            socket.on(BroadcastProtocol.INPUT, (args, ack) -> {
                MapValue state = MapValue.builder()
                        .put(BroadcastProtocol.SEQ, args.get(0).get(BroadcastProtocol.SEQ))
                        .put(BroadcastProtocol.FROM, socket.id())
                        .put(BroadcastProtocol.TIME, clock.epochMillis())
                        .build();
                io.to(roomName).emit(BroadcastProtocol.STATE, state);
            });
            socket.on(BroadcastProtocol.ACTION, (args, ack) -> {
                if (ack != null) {
                    ack.send(MapValue.builder()
                            .put(BroadcastProtocol.SEQ, args.get(0).get(BroadcastProtocol.SEQ))
                            .put(BroadcastProtocol.TIME, clock.epochMillis())
                            .build());
                }
            });
        });
    }

    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        io.close();
        http.close();
    }
}
