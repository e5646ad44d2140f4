/**
 * The HTTP server that hosts the Engine.IO endpoint and other routes beside it (a page now, static files
 * later), on epoll when available and NIO otherwise, and the launchers: {@link
 * io.tickwire.net.server.ConformanceServer} is the reference server of the protocol test suites
 * ({@code ./run conformance engineio}).
 *
 * <pre>
 *  socket ─▶ HttpServerCodec ─▶ RequestAggregator (413 over the limit) ─▶ HttpRouter ─▶ first matching HttpRoute
 *                                                                                ├─ HttpRoute.engineIo(server)
 *                                                                                └─ FixedPageRoute, …; else 404
 * </pre>
 */
package io.tickwire.net.server;
