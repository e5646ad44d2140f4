package io.tickwire.net.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketServerCompressionHandler;
import io.netty.handler.ssl.SslContext;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP/1.1 server that hosts the Engine.IO endpoint and any other {@link HttpRoute} beside it.
 * Each connection's pipeline:
 *
 * <pre>
 *   [TLS] ─▶ HttpServerCodec (maxHeaderBytes) ─▶ [WebSocket compression] ─▶ RequestAggregator (maxRequestBodyBytes) ─▶ HttpRouter ─▶ route
 * </pre>
 *
 * A WebSocket upgrade replaces the tail of that pipeline with the route's own handlers. Uses epoll when
 * available, NIO otherwise ({@link IoTransport#best()}). Start with {@link #builder()}; stop with
 * {@link #close()}. Thread-safe.
 */
public final class HttpServer implements AutoCloseable {
    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workerGroup;
    private final Channel serverChannel;
    private final IoTransport ioTransport;
    private final boolean tls;

    private HttpServer(EventLoopGroup bossGroup, EventLoopGroup workerGroup, Channel serverChannel,
                       IoTransport ioTransport, boolean tls) {
        this.tls = tls;
        this.bossGroup = bossGroup;
        this.workerGroup = workerGroup;
        this.serverChannel = serverChannel;
        this.ioTransport = ioTransport;
    }

    /** A builder listening on 127.0.0.1:3000 with a 1 MB request body limit and no routes. */
    public static Builder builder() {
        return new Builder();
    }

    /** The port it listens on (useful after binding port 0). */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Which socket implementation it runs on. */
    public IoTransport ioTransport() {
        return ioTransport;
    }

    /** Whether it serves https (and wss). */
    public boolean isTls() {
        return tls;
    }

    /** Stops listening, closes every connection and waits (up to a few seconds) for the loops to end. */
    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Configures and starts an {@link HttpServer}; not thread-safe. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 3000;
        private int ioThreads = Runtime.getRuntime().availableProcessors();
        private int maxRequestBodyBytes = 1_000_000;
        private int maxHeaderBytes = 16_384;
        private boolean webSocketCompression;
        private IoTransport ioTransport = IoTransport.best();
        private SslContext sslContext;
        private final List<HttpRoute> routes = new ArrayList<>();

        private Builder() {
        }

        /** The address to bind, e.g. {@code 127.0.0.1} (default) or {@code 0.0.0.0}. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The port to bind; 0 picks a free one (default 3000). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Event loop threads (default: one per core; 0 lets Netty choose, twice the cores). Broadcasts cross
         * from the sender's loop to each recipient's, so loops beyond the cores only add wake-ups: on the
         * 2-core machine the broadcast scenario cost 12–13 µs of server CPU per delivered message with 1–2
         * loops against 13.5–15.7 µs with 4 (see benchmarks/RESULTS.md).
         */
        public Builder ioThreads(int ioThreads) {
            this.ioThreads = ioThreads;
            return this;
        }

        /** The largest request body accepted; larger ones get 413. Use the Engine.IO {@code maxHttpBufferSize}. */
        public Builder maxRequestBodyBytes(int maxRequestBodyBytes) {
            this.maxRequestBodyBytes = maxRequestBodyBytes;
            return this;
        }

        /**
         * The longest request line, and the most bytes of header lines, a request may have; longer ones get
         * 431 and the connection is closed (default 16384, Node's {@code maxHeaderSize}). Bounds what a
         * handshake's query and headers (cookies, tokens) may cost before any route sees them.
         */
        public Builder maxHeaderBytes(int maxHeaderBytes) {
            this.maxHeaderBytes = maxHeaderBytes;
            return this;
        }

        /** Whether WebSocket permessage-deflate may be negotiated (Engine.IO {@code perMessageDeflate}). */
        public Builder webSocketCompression(boolean webSocketCompression) {
            this.webSocketCompression = webSocketCompression;
            return this;
        }

        /** Forces a socket implementation (default: {@link IoTransport#best()}). */
        public Builder ioTransport(IoTransport ioTransport) {
            this.ioTransport = ioTransport;
            return this;
        }

        /** Serves https and wss with {@code sslContext} (a server context); null (default) for plain HTTP. */
        public Builder tls(SslContext sslContext) {
            if (sslContext != null && sslContext.isClient()) {
                throw new IllegalArgumentException("tls: a server SslContext is needed, got a client one");
            }
            this.sslContext = sslContext;
            return this;
        }

        /** Adds routes, in order (e.g. {@code HttpRoute.socketIo(io)}). */
        public Builder routes(List<HttpRoute> routes) {
            this.routes.addAll(routes);
            return this;
        }

        /** Adds a route; routes are tried in the order they were added. */
        public Builder route(HttpRoute route) {
            routes.add(route);
            return this;
        }

        /**
         * Binds and starts serving.
         *
         * @throws IllegalArgumentException for an invalid limit or port
         * @throws io.netty.channel.ChannelException if the address cannot be bound
         */
        public HttpServer start() {
            if (maxRequestBodyBytes <= 0) {
                throw new IllegalArgumentException("maxRequestBodyBytes must be positive, was " + maxRequestBodyBytes);
            }
            if (maxHeaderBytes <= 0) {
                throw new IllegalArgumentException("maxHeaderBytes must be positive, was " + maxHeaderBytes);
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            HttpRouter router = new HttpRouter(routes);
            int maxBody = maxRequestBodyBytes;
            int maxHeader = maxHeaderBytes;
            boolean compression = webSocketCompression;
            SslContext ssl = sslContext;
            EventLoopGroup boss = ioTransport.newGroup(1);
            EventLoopGroup workers = ioTransport.newGroup(ioThreads);
            try {
                Channel channel = new ServerBootstrap()
                        .group(boss, workers)
                        .channel(ioTransport.serverChannelClass())
                        .option(ChannelOption.SO_BACKLOG, 1024)
                        .childOption(ChannelOption.TCP_NODELAY, true)
                        .childHandler(new ChannelInitializer<SocketChannel>() {
                            @Override
                            protected void initChannel(SocketChannel ch) {
                                ChannelPipeline p = ch.pipeline();
                                if (ssl != null) {
                                    p.addLast("tls", ssl.newHandler(ch.alloc()));
                                }
                                p.addLast("http", new HttpServerCodec(maxHeader, maxHeader, 8192));
                                if (compression) {
                                    p.addLast("ws-compression", new WebSocketServerCompressionHandler(0));
                                }
                                p.addLast("aggregator", new RequestAggregator(maxBody, router));
                                p.addLast("router", router);
                            }
                        })
                        .bind(host, port).syncUninterruptibly().channel();
                return new HttpServer(boss, workers, channel, ioTransport, ssl != null);
            } catch (RuntimeException e) {
                boss.shutdownGracefully(0, 0, TimeUnit.SECONDS);
                workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
                throw e;
            }
        }
    }
}
