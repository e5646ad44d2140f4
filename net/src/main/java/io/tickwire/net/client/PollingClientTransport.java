package io.tickwire.net.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.tickwire.net.engineio.PacketType;
import io.tickwire.net.engineio.transport.OutboundPacket;
import io.tickwire.net.engineio.transport.PayloadDecoder;
import io.tickwire.net.engineio.transport.PayloadEncoder;

import java.io.IOException;
import java.util.ArrayDeque;

/**
 * HTTP long-polling, client side (Engine.IO v4 "HTTP long-polling"): one GET always in flight while open,
 * its payload decoded into packets; queued packets leave as one POST payload whenever no POST is in
 * flight. The handshake is the first GET, without a session id.
 *
 * <pre>
 *   write() ──▶ outbox ──(no POST in flight)──▶ PayloadEncoder ──▶ POST ──▶ "ok"
 *   GET ◀── long poll ── PayloadDecoder ──▶ sink.onTransportPacket ──▶ next GET
 * </pre>
 *
 * Not thread-safe: the manager's event loop only. The outbox is bounded by the socket layer's own bounds
 * (an Engine.IO session's writes are what its sockets emit); it is released on close.
 */
final class PollingClientTransport implements ClientTransport {
    private final EngineIoClient engine;
    private final ServerEndpoint endpoint;
    private final ByteBufAllocator alloc;
    private final HttpExchange getExchange;
    private final HttpExchange postExchange;
    private final ArrayDeque<OutboundPacket> outbox = new ArrayDeque<>();
    private Runnable onPaused;
    private boolean closed;

    PollingClientTransport(EngineIoClient engine, EventLoop loop, ServerEndpoint endpoint, int maxPayloadBytes,
                           ByteBufAllocator alloc) {
        this.engine = engine;
        this.endpoint = endpoint;
        this.alloc = alloc;
        this.getExchange = new HttpExchange(loop, endpoint, maxPayloadBytes);
        this.postExchange = new HttpExchange(loop, endpoint, 1024);
    }

    @Override
    public TransportType type() {
        return TransportType.POLLING;
    }

    @Override
    public void open() {
        poll();
    }

    private void poll() {
        if (closed || onPaused != null) {
            return;
        }
        getExchange.send(HttpMethod.GET, endpoint.requestUri(TransportType.POLLING, engine.sid()), null,
                new HttpExchange.ResponseHandler() {
                    @Override
                    public void onResponse(FullHttpResponse response) {
                        onPollResponse(response);
                    }

                    @Override
                    public void onFailure(Throwable cause) {
                        fail("xhr poll error", cause);
                    }
                });
    }

    private void onPollResponse(FullHttpResponse response) {
        if (!response.status().equals(HttpResponseStatus.OK)) {
            fail("xhr poll error", new IOException("poll answered " + response.status()));
            return;
        }
        ByteBuf body = response.content();
        engine.onTraffic(body.readableBytes(), 0);
        boolean valid = PayloadDecoder.decodePayload(body, (type, data, binary) -> {
            if (!closed) {
                engine.onTransportPacket(this, type, data, binary);
            }
            return !closed;
        });
        if (!valid) {
            fail("parse error", new IOException("malformed polling payload"));
            return;
        }
        if (onPaused != null) {
            checkPaused();
        } else {
            poll();
        }
    }

    @Override
    public void write(PacketType type, ByteBuf data, boolean binary) {
        if (closed) {
            if (data != null) {
                data.release();
            }
            return;
        }
        outbox.add(new OutboundPacket(type, data, binary));
        if (!engine.corked()) {
            flush();
        }
    }

    @Override
    public void flush() {
        if (closed || postExchange.busy() || outbox.isEmpty()) {
            return;
        }
        ByteBuf payload = PayloadEncoder.encode(alloc, outbox);
        engine.onTraffic(0, payload.readableBytes());
        postExchange.send(HttpMethod.POST, endpoint.requestUri(TransportType.POLLING, engine.sid()), payload,
                new HttpExchange.ResponseHandler() {
                    @Override
                    public void onResponse(FullHttpResponse response) {
                        if (!response.status().equals(HttpResponseStatus.OK)) {
                            fail("xhr post error", new IOException("post answered " + response.status()));
                        } else if (onPaused != null) {
                            checkPaused();
                        } else {
                            flush();
                        }
                    }

                    @Override
                    public void onFailure(Throwable cause) {
                        fail("xhr post error", cause);
                    }
                });
    }

    @Override
    public void pause(Runnable onPaused) {
        this.onPaused = onPaused;
        checkPaused();
    }

    private void checkPaused() {
        if (!closed && !getExchange.busy() && !postExchange.busy()) {
            if (!outbox.isEmpty()) {
                flush();
                return;
            }
            Runnable callback = onPaused;
            onPaused = () -> { };
            callback.run();
        }
    }

    private void fail(String reason, Throwable cause) {
        if (!closed) {
            release();
            engine.onTransportClose(this, reason, cause);
        }
    }

    @Override
    public void close(boolean sendClose) {
        if (closed) {
            return;
        }
        if (sendClose && !postExchange.busy()) {
            outbox.add(new OutboundPacket(PacketType.CLOSE, null, false));
            ByteBuf payload = PayloadEncoder.encode(alloc, outbox);
            HttpExchange post = postExchange;
            postExchange.send(HttpMethod.POST, endpoint.requestUri(TransportType.POLLING, engine.sid()), payload,
                    new HttpExchange.ResponseHandler() {
                        @Override
                        public void onResponse(FullHttpResponse response) {
                            post.close();
                        }

                        @Override
                        public void onFailure(Throwable cause) {
                            post.close();
                        }
                    });
            closed = true;
            getExchange.close();
            return;
        }
        release();
    }

    private void release() {
        closed = true;
        OutboundPacket p;
        while ((p = outbox.poll()) != null) {
            p.release();
        }
        getExchange.close();
        postExchange.close();
    }
}
