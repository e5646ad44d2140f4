/**
 * The HTTP(S) server that hosts the Engine.IO endpoint and other routes beside it (pages, the probes
 * {@code /health} and {@code /ready}), on epoll when available and NIO otherwise, and the conformance launcher:
 * {@link io.tickwire.net.server.ConformanceServer} is the reference server of the protocol test suites
 * ({@code ./run conformance engineio}).
 *
 * <pre>
 *  socket ─▶ [TLS] ─▶ HttpServerCodec ─▶ RequestAggregator (413 over the limit) ─▶ HttpRouter ─▶ first matching HttpRoute
 *                                                                                        ├─ HttpRoute.engineIo(server)
 *                                                                                        └─ HealthRoute, FixedPageRoute, …; else 404
 * </pre>
 */
package io.tickwire.net.server;
