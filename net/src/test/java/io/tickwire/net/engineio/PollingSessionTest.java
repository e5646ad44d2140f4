package io.tickwire.net.engineio;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTP long-polling sessions driven request by request through {@link EmbeddedChannel}s, one channel
 * per client connection, with the session's clock advanced by hand.
 */
class PollingSessionTest {
    private final List<String> events = new ArrayList<>();
    private final List<EngineIoSocket> sockets = new ArrayList<>();
    private final List<EmbeddedChannel> channels = new ArrayList<>();
    private EngineIoServer server = server(EngineIoOptions.builder().pingIntervalMs(300).pingTimeoutMs(200).build());

    private EngineIoServer server(EngineIoOptions options) {
        EngineIoSocketListener listener = new EngineIoSocketListener() {
            @Override
            public void onMessage(EngineIoSocket socket, ByteBuf data, boolean binary) {
                events.add((binary ? "binary:" : "text:") + data.toString(StandardCharsets.ISO_8859_1));
            }

            @Override
            public void onClose(EngineIoSocket socket, CloseReason reason) {
                events.add("close:" + reason.text());
            }
        };
        return new EngineIoServer(options, socket -> {
            sockets.add(socket);
            socket.listener(listener);
        });
    }

    @AfterEach
    void closeChannels() {
        for (EmbeddedChannel ch : channels) {
            ch.finishAndReleaseAll();
        }
    }

    /** A client connection that hands every request to the server under test. */
    private EmbeddedChannel connection() {
        EmbeddedChannel ch = new EmbeddedChannel(new SimpleChannelInboundHandler<FullHttpRequest>(false) {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                server.handleRequest(ctx, request);
            }
        });
        ch.freezeTime(); // the session's timers move only when a test advances the clock
        channels.add(ch);
        return ch;
    }

    private static FullHttpRequest request(HttpMethod method, String query, String body, String... headers) {
        ByteBuf content = body == null ? Unpooled.EMPTY_BUFFER : Unpooled.copiedBuffer(body, StandardCharsets.UTF_8);
        FullHttpRequest r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, "/engine.io/?" + query, content);
        for (int i = 0; i < headers.length; i += 2) {
            r.headers().add(headers[i], headers[i + 1]);
        }
        return r;
    }

    /** Status, content type and body of the next response on {@code ch}, or null if none yet; releases it. */
    private static Reply reply(EmbeddedChannel ch) {
        FullHttpResponse response = ch.readOutbound();
        if (response == null) {
            return null;
        }
        try {
            return new Reply(response.status().code(), response.headers().get(HttpHeaderNames.CONTENT_TYPE),
                    response.content().toString(StandardCharsets.UTF_8), response.headers());
        } finally {
            response.release();
        }
    }

    private record Reply(int status, String contentType, String body, HttpHeaders headers) {
    }

    private Reply send(EmbeddedChannel ch, HttpMethod method, String query, String body, String... headers) {
        ch.writeInbound(request(method, query, body, headers));
        return reply(ch);
    }

    private String handshake(EmbeddedChannel ch) {
        Reply open = send(ch, HttpMethod.GET, "EIO=4&transport=polling", null);
        assertEquals(200, open.status());
        return open.body().substring(open.body().indexOf(":\"") + 2, open.body().indexOf("\","));
    }

    @Test
    void handshakeAnswersTheOpenPacketWithExactlyTheSpecKeys() {
        EmbeddedChannel ch = connection();
        Reply open = send(ch, HttpMethod.GET, "EIO=4&transport=polling", null);
        assertEquals(200, open.status());
        assertEquals("text/plain; charset=UTF-8", open.contentType());
        assertTrue(open.body().matches("0\\{\"sid\":\"[A-Za-z0-9_-]{20}\",\"upgrades\":\\[\"websocket\"],"
                + "\"pingInterval\":300,\"pingTimeout\":200,\"maxPayload\":1000000}"), open.body());
        assertEquals(1, server.clientsCount());
        assertEquals("polling", sockets.get(0).transportName());
    }

    @Test
    void offersNoUpgradeWhenUpgradesAreDisabled() {
        server = server(EngineIoOptions.builder().allowUpgrades(false).build());
        Reply open = send(connection(), HttpMethod.GET, "EIO=4&transport=polling", null);
        assertTrue(open.body().contains("\"upgrades\":[]"), open.body());
    }

    @Test
    void refusesEachInvalidRequestWithTheSpecCodeStatusAndJsonBody() {
        EmbeddedChannel ch = connection();
        record Case(HttpMethod method, String query, int status, String body) {
        }
        List<Case> cases = List.of(
                new Case(HttpMethod.GET, "EIO=4", 400, "{\"code\":0,\"message\":\"Transport unknown\"}"),
                new Case(HttpMethod.GET, "EIO=4&transport=abc", 400, "{\"code\":0,\"message\":\"Transport unknown\"}"),
                new Case(HttpMethod.GET, "EIO=4&transport=polling&sid=nope", 400,
                        "{\"code\":1,\"message\":\"Session ID unknown\"}"),
                new Case(HttpMethod.POST, "EIO=4&transport=polling", 400,
                        "{\"code\":2,\"message\":\"Bad handshake method\"}"),
                new Case(HttpMethod.PUT, "EIO=4&transport=polling", 400,
                        "{\"code\":2,\"message\":\"Bad handshake method\"}"),
                new Case(HttpMethod.GET, "EIO=4&transport=websocket", 400, "{\"code\":3,\"message\":\"Bad request\"}"),
                new Case(HttpMethod.GET, "transport=polling", 400,
                        "{\"code\":5,\"message\":\"Unsupported protocol version\"}"),
                new Case(HttpMethod.GET, "EIO=3&transport=polling", 400,
                        "{\"code\":5,\"message\":\"Unsupported protocol version\"}"));
        for (Case c : cases) {
            Reply r = send(ch, c.method(), c.query(), null);
            assertEquals(c.status(), r.status(), c.toString());
            assertEquals("application/json", r.contentType(), c.toString());
            assertEquals(c.body(), r.body(), c.toString());
        }
        assertEquals(0, server.clientsCount());
    }

    @Test
    void refusesADisabledTransportAsUnknown() {
        server = server(EngineIoOptions.builder().transports("websocket").build());
        Reply r = send(connection(), HttpMethod.GET, "EIO=4&transport=polling", null);
        assertEquals("{\"code\":0,\"message\":\"Transport unknown\"}", r.body());
    }

    @Test
    @SuppressWarnings("deprecation")
    void refusesAnOriginHeaderWithControlCharacters() {
        FullHttpRequest unchecked = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
                "/engine.io/?EIO=4&transport=polling", Unpooled.EMPTY_BUFFER, false);
        unchecked.headers().add("Origin", "http://a\u0001b");
        EmbeddedChannel ch = connection();
        ch.writeInbound(unchecked);
        assertEquals("{\"code\":3,\"message\":\"Bad request\"}", reply(ch).body());
    }

    @Test
    void answersForbiddenWithTheHookMessageWhenAllowRequestRefusesLater() {
        CompletableFuture<AllowRequest.Verdict> verdict = new CompletableFuture<>();
        server = server(EngineIoOptions.builder().allowRequest(request -> verdict).build());
        EmbeddedChannel ch = connection();
        ch.writeInbound(request(HttpMethod.GET, "EIO=4&transport=polling", null));
        assertNull(reply(ch), "no answer before the hook decides");
        verdict.complete(AllowRequest.Verdict.deny("not today"));
        ch.runPendingTasks();
        Reply r = reply(ch);
        assertEquals(403, r.status());
        assertEquals("{\"code\":4,\"message\":\"not today\"}", r.body());
        assertEquals(0, server.clientsCount());
    }

    @Test
    void opensTheSessionWhenAllowRequestAgrees() {
        server = server(EngineIoOptions.builder()
                .allowRequest(request -> CompletableFuture.completedFuture(AllowRequest.Verdict.allow())).build());
        EmbeddedChannel ch = connection();
        ch.writeInbound(request(HttpMethod.GET, "EIO=4&transport=polling&foo=bar", null, "X-Token", "t1"));
        ch.runPendingTasks();
        assertTrue(reply(ch).body().startsWith("0{"));
        HandshakeRequest facts = sockets.get(0).handshake();
        assertEquals("bar", facts.query().get("foo"));
        assertEquals("t1", facts.header("x-token"));
        assertEquals(List.of("t1"), facts.headers().get("x-token"));
    }

    @Test
    void deliversPostedTextAndBinaryMessagesAndAnswersOk() {
        EmbeddedChannel ch = connection();
        String sid = handshake(ch);
        Reply ok = send(ch, HttpMethod.POST, "EIO=4&transport=polling&sid=" + sid, "4hello\u001ebAQIDBA==");
        assertEquals(200, ok.status());
        assertEquals("ok", ok.body());
        assertEquals("text/html", ok.contentType());
        assertEquals(List.of("text:hello", "binary:\u0001\u0002\u0003\u0004"), events);
    }

    @Test
    void sendsBufferedMessagesToTheNextPollTextAsIsAndBinaryAsBase64() {
        EmbeddedChannel ch = connection();
        String sid = handshake(ch);
        EngineIoSocket socket = sockets.get(0);
        socket.send(Unpooled.copiedBuffer("hi", StandardCharsets.UTF_8), false);
        socket.send(Unpooled.wrappedBuffer(new byte[] {1, 2, 3, 4}), true);
        assertEquals("4hi\u001ebAQIDBA==", send(ch, HttpMethod.GET, "EIO=4&transport=polling&sid=" + sid, null).body());
    }

    @Test
    void writeWithoutFlushWaitsForFlush() {
        EmbeddedChannel get = connection();
        String sid = handshake(get);
        EngineIoSocket socket = sockets.get(0);
        get.writeInbound(request(HttpMethod.GET, "EIO=4&transport=polling&sid=" + sid, null));
        socket.write(Unpooled.copiedBuffer("a", StandardCharsets.UTF_8), false);
        socket.write(Unpooled.copiedBuffer("b", StandardCharsets.UTF_8), false);
        assertNull(reply(get), "nothing leaves before flush");
        socket.flush();
        assertEquals("4a\u001e4b", reply(get).body());
    }

    @Test
    void closesSessionOnSecondConcurrentGet() {
        EmbeddedChannel first = connection();
        String sid = handshake(first);
        first.writeInbound(request(HttpMethod.GET, "EIO=4&transport=polling&sid=" + sid, null));
        EmbeddedChannel second = connection();
        Reply overlap = send(second, HttpMethod.GET, "EIO=4&transport=polling&sid=" + sid, null);
        assertEquals(400, overlap.status());
        assertEquals("1", reply(first).body(), "the pending GET is told the session closed");
        assertEquals(List.of("close:transport error"), events);
        assertEquals(400, send(second, HttpMethod.GET, "EIO=4&transport=polling&sid=" + sid, null).status());
    }

    @Test
    void closesSessionWhenThePendingGetIsAborted() {
        EmbeddedChannel handshake = connection();
        String sid = handshake(handshake);
        EmbeddedChannel get = connection();
        get.writeInbound(request(HttpMethod.GET, "EIO=4&transport=polling&sid=" + sid, null));
        get.close();
        assertEquals(List.of("close:transport error"), events);
        assertEquals(0, server.clientsCount());
    }

    @Test
    void closesSessionWithParseErrorOnMalformedPayload() {
        EmbeddedChannel ch = connection();
        String sid = handshake(ch);
        assertEquals(400, send(ch, HttpMethod.POST, "EIO=4&transport=polling&sid=" + sid, "abc").status());
        assertEquals(List.of("close:parse error"), events);
        assertEquals(400, send(ch, HttpMethod.GET, "EIO=4&transport=polling&sid=" + sid, null).status());
    }

    @Test
    void deliversThePacketsBeforeGarbageThenClosesWithParseError() {
        EmbeddedChannel ch = connection();
        String sid = handshake(ch);
        assertEquals(400, send(ch, HttpMethod.POST, "EIO=4&transport=polling&sid=" + sid, "4a\u001e4b\u001e?junk").status());
        assertEquals(List.of("text:a", "text:b", "close:parse error"), events);
    }

    @Test
    void refusesAnEmptyPacketBetweenSeparatorsAsGarbage() {
        EmbeddedChannel ch = connection();
        String sid = handshake(ch);
        assertEquals(400, send(ch, HttpMethod.POST, "EIO=4&transport=polling&sid=" + sid, "4a\u001e\u001e4b").status());
        assertEquals(List.of("text:a", "close:parse error"), events);
    }

    @Test
    void refusesARequestNamingAnotherTransportThanTheSessionsAndKeepsTheSession() {
        EmbeddedChannel ch = connection();
        String sid = handshake(ch);
        Reply r = send(ch, HttpMethod.GET, "EIO=4&transport=websocket&sid=" + sid, null);
        assertEquals(400, r.status());
        assertEquals("{\"code\":3,\"message\":\"Bad request\"}", r.body());
        assertEquals(1, server.clientsCount(), "a stray request does not end someone else's session");
    }

    @Test
    void refusesTheUpgradeOfAClosedSessionAsUnknown() {
        EmbeddedChannel ch = connection();
        String sid = handshake(ch);
        assertEquals("ok", send(ch, HttpMethod.POST, "EIO=4&transport=polling&sid=" + sid, "1").body());
        Reply r = send(connection(), HttpMethod.GET, "EIO=4&transport=websocket&sid=" + sid, null,
                "Upgrade", "websocket", "Connection", "Upgrade", "Sec-WebSocket-Version", "13",
                "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
        assertEquals(400, r.status());
        assertEquals("{\"code\":1,\"message\":\"Session ID unknown\"}", r.body());
    }

    @Test
    void closesASessionThatDoesNotPollOnceMoreThanMaxWriteBufferBytesWait() {
        server = server(EngineIoOptions.builder().maxWriteBufferBytes(1000).build());
        EmbeddedChannel ch = connection();
        String sid = handshake(ch);
        EngineIoSocket socket = sockets.get(0);
        socket.send(Unpooled.copiedBuffer("x".repeat(600), StandardCharsets.UTF_8), false);
        assertTrue(socket.isOpen());
        socket.send(Unpooled.copiedBuffer("y".repeat(600), StandardCharsets.UTF_8), false);
        assertEquals(List.of("close:transport error"), events);
        assertEquals(400, send(ch, HttpMethod.GET, "EIO=4&transport=polling&sid=" + sid, null).status(),
                "what was buffered is gone with the session");
    }

    @Test
    void refusesBinaryContentTypeInPostAndClosesSession() {
        EmbeddedChannel ch = connection();
        String sid = handshake(ch);
        Reply r = send(ch, HttpMethod.POST, "EIO=4&transport=polling&sid=" + sid, "4x",
                "Content-Type", "application/octet-stream");
        assertEquals(400, r.status());
        assertEquals(List.of("close:transport error"), events);
    }

    @Test
    void clientClosePacketAnswersThePendingGetWithNoop() {
        EmbeddedChannel get = connection();
        String sid = handshake(get);
        get.writeInbound(request(HttpMethod.GET, "EIO=4&transport=polling&sid=" + sid, null));
        EmbeddedChannel post = connection();
        assertEquals("ok", send(post, HttpMethod.POST, "EIO=4&transport=polling&sid=" + sid, "1").body());
        assertEquals("6", reply(get).body());
        assertEquals(List.of("close:transport close"), events);
    }

    @Test
    void serverCloseSendsBufferedPacketsThenCloseToTheNextPoll() {
        EmbeddedChannel ch = connection();
        String sid = handshake(ch);
        EngineIoSocket socket = sockets.get(0);
        socket.send(Unpooled.copiedBuffer("bye", StandardCharsets.UTF_8), false);
        socket.close();
        assertFalse(socket.isOpen());
        assertEquals(List.of(), events, "closing waits for the client's next poll");
        assertEquals("4bye\u001e1", send(ch, HttpMethod.GET, "EIO=4&transport=polling&sid=" + sid, null).body());
        assertEquals(List.of("close:forced close"), events);
    }

    @Test
    void sendsPingEveryPingIntervalAndClosesOnPingTimeout() {
        EmbeddedChannel ch = connection();
        String sid = handshake(ch);
        ch.writeInbound(request(HttpMethod.GET, "EIO=4&transport=polling&sid=" + sid, null));
        ch.advanceTimeBy(299, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertNull(reply(ch), "no ping before pingInterval");
        ch.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertEquals("2", reply(ch).body());
        assertEquals("ok", send(ch, HttpMethod.POST, "EIO=4&transport=polling&sid=" + sid, "3").body());
        ch.writeInbound(request(HttpMethod.GET, "EIO=4&transport=polling&sid=" + sid, null));
        ch.advanceTimeBy(300, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertEquals("2", reply(ch).body(), "the next ping follows the pong by pingInterval");
        ch.advanceTimeBy(199, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertEquals(List.of(), events);
        ch.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertEquals(List.of("close:ping timeout"), events);
        assertEquals(400, send(ch, HttpMethod.GET, "EIO=4&transport=polling&sid=" + sid, null).status());
    }

    @Test
    void answersCorsPreflightAndAddsCorsHeadersToResponses() {
        server = server(EngineIoOptions.builder()
                .cors(CorsOptions.origins("https://game.example").withCredentials(true).withMaxAgeSeconds(600))
                .build());
        EmbeddedChannel ch = connection();
        Reply preflight = send(ch, HttpMethod.OPTIONS, "EIO=4&transport=polling", null,
                "Origin", "https://game.example", "Access-Control-Request-Headers", "x-token");
        assertEquals(204, preflight.status());
        assertEquals("https://game.example", preflight.headers().get("access-control-allow-origin"));
        assertEquals("true", preflight.headers().get("access-control-allow-credentials"));
        assertEquals("GET,HEAD,PUT,PATCH,POST,DELETE", preflight.headers().get("access-control-allow-methods"));
        assertEquals("x-token", preflight.headers().get("access-control-allow-headers"));
        assertEquals("600", preflight.headers().get("access-control-max-age"));

        Reply open = send(ch, HttpMethod.GET, "EIO=4&transport=polling", null, "Origin", "https://game.example");
        assertEquals("https://game.example", open.headers().get("access-control-allow-origin"));
        Reply stranger = send(ch, HttpMethod.GET, "EIO=4&transport=polling", null, "Origin", "https://evil.example");
        assertNull(stranger.headers().get("access-control-allow-origin"));
        assertEquals("Origin", stranger.headers().get("vary"));
    }

    @Test
    void sendsNoCorsHeadersWhenCorsIsNotConfigured() {
        Reply open = send(connection(), HttpMethod.GET, "EIO=4&transport=polling", null, "Origin", "https://a.example");
        assertFalse(open.headers().contains("access-control-allow-origin"));
        Reply options = send(connection(), HttpMethod.OPTIONS, "EIO=4&transport=polling", null);
        assertEquals(400, options.status(), "without cors a preflight is a bad handshake method");
    }

    @Test
    void serverShutdownClosesEverySessionWithItsReason() {
        handshake(connection());
        handshake(connection());
        server.close();
        channels.forEach(EmbeddedChannel::runPendingTasks);
        assertEquals(List.of("close:server shutting down", "close:server shutting down"), events);
        assertEquals(0, server.clientsCount());
    }

    @Test
    void reportsTheCloseOnlyOnce() {
        EmbeddedChannel ch = connection();
        String sid = handshake(ch);
        ch.writeInbound(request(HttpMethod.GET, "EIO=4&transport=polling&sid=" + sid, null));
        sockets.get(0).close();
        sockets.get(0).close();
        server.close();
        ch.runPendingTasks();
        assertEquals("1", reply(ch).body());
        assertEquals(List.of("close:forced close"), events);
    }
}
