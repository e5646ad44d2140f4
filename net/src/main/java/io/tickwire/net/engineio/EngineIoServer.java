package io.tickwire.net.engineio;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;

/**
 * An Engine.IO v4 server: answers the requests under {@link EngineIoOptions#path()}, keeps the sessions
 * and hands each new one to its {@link ConnectionListener}. It is not an HTTP server: plug it into one
 * (see {@code io.tickwire.net.server.HttpServer} and {@code HttpRoute.engineIo}) so that other routes
 * can live beside it.
 *
 * <pre>
 *   HTTP request ──▶ handleRequest ──▶ EngineIoRequestHandler: verify (errors 0–5), CORS, allowRequest
 *                                        ├─ handshake ──▶ new EngineIoSocket ──▶ ConnectionListener
 *                                        └─ sid ──▶ socket's loop ──▶ PollingTransport | WebSocket upgrade
 * </pre>
 *
 * <p>Threading: {@link #handleRequest} runs on the request connection's loop; everything else is
 * thread-safe.
 */
public final class EngineIoServer {
    private static final Logger LOG = LoggerFactory.getLogger(EngineIoServer.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EngineIoOptions options;
    private final ConnectionListener connectionListener;
    private final ConcurrentMap<String, EngineIoSocket> sockets = new ConcurrentHashMap<>();
    private final EngineIoRequestHandler requestHandler;
    private final String pathWithoutSlash;

    /** A server with {@code options} that announces each new session to {@code connectionListener}. */
    public EngineIoServer(EngineIoOptions options, ConnectionListener connectionListener) {
        this.options = options;
        this.connectionListener = connectionListener;
        this.requestHandler = new EngineIoRequestHandler(this);
        this.pathWithoutSlash = options.path().substring(0, options.path().length() - 1);
    }

    /** The options this server was built with. */
    public EngineIoOptions options() {
        return options;
    }

    /** Whether the request target {@code uri} (path and query) is under this server's path. */
    public boolean matches(String uri) {
        String path = new QueryStringDecoder(uri).path();
        return path.startsWith(options.path()) || path.equals(pathWithoutSlash);
    }

    /**
     * Answers one Engine.IO request (polling GET/POST, WebSocket upgrade, CORS preflight). Takes
     * ownership of {@code request}. Runs on {@code ctx}'s loop; the WebSocket upgrade replaces
     * {@code ctx}'s handler in the pipeline.
     */
    public void handleRequest(ChannelHandlerContext ctx, FullHttpRequest request) {
        requestHandler.handle(ctx, request);
    }

    /**
     * The head of a request under this path arrived, its body may not have: a POST that starts while
     * another POST of the same session is still arriving on another connection closes the session with
     * {@link CloseReason#TRANSPORT_ERROR} (the spec allows one active POST). Borrows {@code head}. Called
     * on {@code channel}'s loop.
     */
    public void onRequestHead(Channel channel, HttpRequest head) {
        if (!HttpMethod.POST.equals(head.method())) {
            return;
        }
        List<String> sid = new QueryStringDecoder(head.uri()).parameters().get("sid");
        EngineIoSocket socket = sid == null ? null : sockets.get(sid.get(0));
        if (socket != null) {
            socket.onPostHead(channel);
        }
    }

    /**
     * A request under this path had a body over {@code maxHttpBufferSize} and was refused (413) by the
     * HTTP layer: the session it names, if any, closes with {@link CloseReason#TRANSPORT_ERROR}.
     * Borrows {@code head}. Any thread.
     */
    public void onRequestTooLarge(HttpRequest head) {
        List<String> sid = new QueryStringDecoder(head.uri()).parameters().get("sid");
        EngineIoSocket socket = sid == null ? null : sockets.get(sid.get(0));
        if (socket != null) {
            socket.eventLoop().execute(socket::onOversizedPost);
        }
    }

    /** The open session with id {@code sid}, or {@code null}. */
    public EngineIoSocket socket(String sid) {
        return sockets.get(sid);
    }

    /** How many sessions are open. */
    public int clientsCount() {
        return sockets.size();
    }

    /**
     * From now on refuses every handshake with 403 {@code {"code":4,"message":"Server shutting down"}}, as an
     * {@code allowRequest} refusal (a client's {@code connect_error}; it retries, behind a load balancer on
     * another node); the open sessions carry on, polling ones over new HTTP connections too. The first step of a
     * graceful shutdown, which keeps the port open so that probes are still answered. Any thread; not undone.
     */
    public void refuseHandshakes() {
        requestHandler.refuseHandshakes();
    }

    /**
     * Closes every session with {@link CloseReason#SERVER_SHUTTING_DOWN}. New handshakes are still
     * answered unless {@link #refuseHandshakes()} was called. Any thread; returns before the sessions are closed.
     */
    public void close() {
        for (EngineIoSocket socket : new ArrayList<>(sockets.values())) {
            try {
                socket.eventLoop().execute(() -> socket.terminate(CloseReason.SERVER_SHUTTING_DOWN));
            } catch (RejectedExecutionException e) {
                // its event loop already stopped (the HTTP server closed first): the connection is gone
                sockets.remove(socket.id(), socket);
            }
        }
    }

    String newSessionId() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return sockets.containsKey(id) ? newSessionId() : id;
    }

    void register(EngineIoSocket socket) {
        sockets.put(socket.id(), socket);
    }

    void announce(EngineIoSocket socket) {
        try {
            socket.announce(connectionListener);
        } catch (RuntimeException e) {
            reportListenerFailure(socket, e);
        }
    }

    void unregister(EngineIoSocket socket) {
        sockets.remove(socket.id(), socket);
    }

    void reportListenerFailure(EngineIoSocket socket, RuntimeException e) {
        LOG.warn("listener of {} failed", socket, e);
    }
}
