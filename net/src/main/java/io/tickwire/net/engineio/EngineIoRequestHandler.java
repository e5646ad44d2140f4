package io.tickwire.net.engineio;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.ssl.SslHandler;
import io.tickwire.net.engineio.transport.HttpReplies;
import io.tickwire.net.engineio.transport.PollingTransport;
import io.tickwire.net.engineio.transport.TransportEvents;
import io.tickwire.net.engineio.transport.WebSocketTransport;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Verifies each Engine.IO request in the reference server's order and routes it: unknown or disabled
 * transport (0), invalid {@code Origin} (3), unknown sid (1), transport mismatch (3), non-GET handshake
 * (2), WebSocket handshake without upgrade (3), {@code allowRequest} refusal (4, HTTP 403), protocol
 * version other than 4 (5). Refusals carry the spec's JSON body.
 *
 * <p>Threading: runs on the request connection's loop, and hands requests of an existing session to
 * that session's loop.
 */
final class EngineIoRequestHandler {
    private final EngineIoServer server;
    private final EngineIoOptions options;

    private final HandshakeAdmission admission;

    EngineIoRequestHandler(EngineIoServer server) {
        this.server = server;
        this.options = server.options();
        this.admission = new HandshakeAdmission(options, System::nanoTime);
    }

    /** See {@link EngineIoServer#refuseHandshakes()}. */
    void refuseHandshakes() {
        admission.refuseAll();
    }

    void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
        Channel channel = ctx.channel();
        boolean preflight = request.method().equals(HttpMethod.OPTIONS);
        HttpHeaders cors = CorsHeaders.of(options.cors(), request, preflight);
        if (preflight && cors != null) {
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            request.release();
            HttpReplies.sendEmpty(channel, HttpResponseStatus.NO_CONTENT, cors, keepAlive);
            return;
        }
        Map<String, List<String>> query = new QueryStringDecoder(request.uri()).parameters();
        String transport = first(query, "transport");
        String sid = first(query, "sid");
        boolean upgrade = isWebSocketUpgrade(request);
        if (transport == null || !options.isTransportEnabled(transport)) {
            refuse(channel, request, EngineIoError.UNKNOWN_TRANSPORT, null, cors);
            return;
        }
        if (hasInvalidHeaderChars(request.headers().get(HttpHeaderNames.ORIGIN))) {
            refuse(channel, request, EngineIoError.BAD_REQUEST, null, cors);
            return;
        }
        if (sid != null) {
            onSessionRequest(ctx, request, sid, transport, upgrade, cors);
            return;
        }
        if (!request.method().equals(HttpMethod.GET)) {
            refuse(channel, request, EngineIoError.BAD_HANDSHAKE_METHOD, null, cors);
            return;
        }
        if (EngineIoOptions.WEBSOCKET.equals(transport) != upgrade) {
            refuse(channel, request, EngineIoError.BAD_REQUEST, null, cors);
            return;
        }
        String refusal = admission.refusal(channel.remoteAddress(), server.clientsCount());
        if (refusal != null) {
            refuse(channel, request, EngineIoError.FORBIDDEN, refusal, cors);
            return;
        }
        AllowRequest allowRequest = options.allowRequest();
        if (allowRequest == null) {
            handshake(ctx, request, transport, first(query, "EIO"), cors);
            return;
        }
        HandshakeRequest facts = facts(channel, request);
        allowRequest.check(facts).whenComplete((verdict, failure) -> ctx.executor().execute(() -> {
            if (failure != null || verdict == null || !verdict.allowed()) {
                String message = verdict != null ? verdict.message() : null;
                refuse(channel, request, EngineIoError.FORBIDDEN, message, cors);
            } else {
                handshake(ctx, request, transport, first(query, "EIO"), cors);
            }
        }));
    }

    private void onSessionRequest(ChannelHandlerContext ctx, FullHttpRequest request, String sid, String transport,
                                  boolean upgrade, HttpHeaders cors) {
        Channel channel = ctx.channel();
        EngineIoSocket socket = server.socket(sid);
        if (socket == null) {
            refuse(channel, request, EngineIoError.UNKNOWN_SID, null, cors);
            return;
        }
        if (upgrade && EngineIoOptions.WEBSOCKET.equals(transport)) {
            if (!socket.acceptsUpgrade()) {
                refuse(channel, request, EngineIoError.BAD_REQUEST, null, cors);
                return;
            }
            acceptWebSocket(ctx, request, socket.events(), socket.eventLoop(),
                    candidate -> onLoop(socket.eventLoop(), () -> socket.beginUpgrade(candidate)), () -> { });
            return;
        }
        if (!transport.equals(socket.transportName())) {
            refuse(channel, request, EngineIoError.BAD_REQUEST, null, cors);
            return;
        }
        onLoop(socket.eventLoop(), () -> socket.onPollingRequest(channel, request, cors));
    }

    private void handshake(ChannelHandlerContext ctx, FullHttpRequest request, String transport, String eio,
                           HttpHeaders cors) {
        Channel channel = ctx.channel();
        if (!"4".equals(eio)) {
            refuse(channel, request, EngineIoError.UNSUPPORTED_PROTOCOL_VERSION, null, cors);
            return;
        }
        EventLoop loop = channel.eventLoop();
        EngineIoSocket socket = new EngineIoSocket(server.newSessionId(), server, loop, facts(channel, request));
        if (EngineIoOptions.WEBSOCKET.equals(transport)) {
            // registered first: a connection that dies once the handshake is written closes the session
            // inside open(), and the close must find it registered to unregister it (else it stays forever)
            server.register(socket);
            String open = openPacket(socket.id(), false);
            boolean accepted = acceptWebSocket(ctx, request, socket.events(), loop, ws -> {
                socket.open(ws, open);
                server.announce(socket);
            }, () -> server.unregister(socket));
            if (!accepted) {
                server.unregister(socket);
            }
            return;
        } else {
            PollingTransport polling = new PollingTransport(socket.events(), loop);
            server.register(socket);
            socket.open(polling, openPacket(socket.id(), true));
            socket.onPollingRequest(channel, request, cors);
        }
        server.announce(socket);
    }

    /**
     * Answers the WebSocket handshake on {@code ctx}'s channel and puts the transport at the end of its
     * pipeline. Takes ownership of {@code request}. {@code onAccepted} runs on the channel's loop once the
     * {@code 101} response is written and the HTTP codec is gone, not before: the transport writes prepared
     * frames as plain buffers, which the HTTP encoder would refuse (with epoll the write usually completes at
     * once; with io_uring it completes a loop turn later). If that write fails, the channel is closed and
     * {@code onFailed} runs instead.
     *
     * @return false if the handshake was refused (already answered; neither callback runs)
     */
    private boolean acceptWebSocket(ChannelHandlerContext ctx, FullHttpRequest request, TransportEvents events,
                                    EventLoop sessionLoop, Consumer<WebSocketTransport> onAccepted,
                                    Runnable onFailed) {
        Channel channel = ctx.channel();
        try {
            String url = (channel.pipeline().get(SslHandler.class) != null ? "wss://" : "ws://")
                    + request.headers().get(HttpHeaderNames.HOST) + request.uri();
            WebSocketServerHandshakerFactory factory = new WebSocketServerHandshakerFactory(url, null,
                    options.perMessageDeflate(), options.maxHttpBufferSize());
            WebSocketServerHandshaker handshaker = factory.newHandshaker(request);
            if (handshaker == null) {
                WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(channel);
                return false;
            }
            WebSocketTransport transport = new WebSocketTransport(events, sessionLoop, channel,
                    options.perMessageDeflate());
            ChannelFuture written = handshaker.handshake(channel, request);
            ChannelPipeline pipeline = ctx.pipeline();
            // RFC 6455 8.1: a text message that is not UTF-8 fails the connection (close 1007)
            pipeline.replace(ctx.handler(), "engineio-ws-utf8", new Utf8FrameValidator(true));
            pipeline.addAfter("engineio-ws-utf8", "engineio-ws-aggregator",
                    new WebSocketFrameAggregator(options.maxHttpBufferSize()));
            pipeline.addLast("engineio-ws", transport);
            written.addListener(f -> {
                if (f.isSuccess()) {
                    onAccepted.accept(transport);
                } else {
                    channel.close();
                    onFailed.run();
                }
            });
            return true;
        } finally {
            request.release();
        }
    }

    private String openPacket(String sid, boolean polling) {
        boolean upgrades = polling && options.allowUpgrades() && options.isTransportEnabled(EngineIoOptions.WEBSOCKET);
        return "{\"sid\":\"" + sid + "\",\"upgrades\":" + (upgrades ? "[\"websocket\"]" : "[]")
                + ",\"pingInterval\":" + options.pingIntervalMs() + ",\"pingTimeout\":" + options.pingTimeoutMs()
                + ",\"maxPayload\":" + options.maxHttpBufferSize() + "}";
    }

    private static HandshakeRequest facts(Channel channel, FullHttpRequest request) {
        return HandshakeRequest.of(request, channel.remoteAddress(), System.currentTimeMillis(),
                channel.pipeline().get(SslHandler.class) != null);
    }

    /** Answers {@code request} with {@code error}'s status and JSON body. Takes ownership of {@code request}. */
    static void refuse(Channel channel, FullHttpRequest request, EngineIoError error, String message,
                       HttpHeaders cors) {
        boolean keepAlive = HttpUtil.isKeepAlive(request) && !isWebSocketUpgrade(request);
        request.release();
        HttpReplies.send(channel, HttpResponseStatus.valueOf(error.httpStatus()), "application/json",
                Unpooled.wrappedBuffer(error.jsonBody(message)), cors, keepAlive);
    }

    private static boolean isWebSocketUpgrade(FullHttpRequest request) {
        return request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    private static void onLoop(EventLoop loop, Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Like Node's header check: control characters (except tab) and DEL are invalid. */
    private static boolean hasInvalidHeaderChars(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
                return true;
            }
        }
        return false;
    }
}
