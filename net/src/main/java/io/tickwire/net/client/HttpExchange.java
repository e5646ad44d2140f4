package io.tickwire.net.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

import java.io.IOException;

/**
 * One keep-alive HTTP/1.1 connection doing one request at a time, as a browser's connection pool gives
 * long-polling one connection for the GET and one for the POSTs. Connects lazily and again after the
 * server closed it. Not thread-safe: the manager's event loop only; callbacks run there.
 */
final class HttpExchange {
    /** The outcome of one request. */
    interface ResponseHandler {
        /** @param response borrowed (does not retain) */
        void onResponse(FullHttpResponse response);

        void onFailure(Throwable cause);
    }

    private final EventLoop loop;
    private final ServerEndpoint endpoint;
    private final int maxContentBytes;
    private Channel channel;
    private ResponseHandler pending;
    private boolean closed;

    HttpExchange(EventLoop loop, ServerEndpoint endpoint, int maxContentBytes) {
        this.loop = loop;
        this.endpoint = endpoint;
        this.maxContentBytes = maxContentBytes;
    }

    boolean busy() {
        return pending != null;
    }

    /**
     * Sends one request and reports its response or failure to {@code handler} exactly once.
     *
     * @param body takes ownership; null for a GET
     */
    void send(HttpMethod method, String uri, ByteBuf body, ResponseHandler handler) {
        if (pending != null || closed) {
            if (body != null) {
                body.release();
            }
            handler.onFailure(new IllegalStateException(closed ? "exchange closed" : "request already in flight"));
            return;
        }
        pending = handler;
        FullHttpRequest request = body == null
                ? new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri)
                : new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri, body);
        endpoint.addExtraHeaders(request.headers());
        request.headers().set(HttpHeaderNames.HOST, endpoint.hostHeader());
        request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        if (body != null) {
            request.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain;charset=UTF-8");
            HttpUtil.setContentLength(request, body.readableBytes());
        }
        if (channel != null && channel.isActive()) {
            write(request);
            return;
        }
        ChannelFuture connect = new Bootstrap().group(loop).channel(endpoint.channelClass())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        endpoint.initTls(ch);
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(maxContentBytes),
                                new ResponseReader());
                    }
                })
                .connect(endpoint.host(), endpoint.port());
        channel = connect.channel();
        connect.addListener(f -> {
            if (f.isSuccess()) {
                write(request);
            } else {
                request.release();
                fail(f.cause());
            }
        });
    }

    private void write(FullHttpRequest request) {
        Channel ch = channel;
        ch.writeAndFlush(request).addListener(f -> {
            if (!f.isSuccess()) {
                ch.close();
                fail(f.cause());
            }
        });
    }

    private void fail(Throwable cause) {
        ResponseHandler handler = pending;
        pending = null;
        if (handler != null && !closed) {
            handler.onFailure(cause);
        }
    }

    /** Closes the connection; a request in flight is abandoned without a callback. */
    void close() {
        closed = true;
        pending = null;
        if (channel != null) {
            channel.close();
        }
    }

    private final class ResponseReader extends SimpleChannelInboundHandler<FullHttpResponse> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            ResponseHandler handler = pending;
            pending = null;
            if (!HttpUtil.isKeepAlive(response)) {
                ctx.close();
            }
            if (handler != null && !closed) {
                handler.onResponse(response);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (ctx.channel() == channel) {
                fail(new IOException("connection closed by the server"));
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
            if (ctx.channel() == channel) {
                fail(cause);
            }
        }
    }
}
