/**
 * The Engine.IO v4 server ({@code ../shared/specs/engine.io-protocol-v4.md}): {@link
 * io.tickwire.net.engineio.EngineIoServer} verifies requests and keeps sessions, {@link
 * io.tickwire.net.engineio.EngineIoSocket} is one session (heartbeat, upgrade, close reasons), {@link
 * io.tickwire.net.engineio.EngineIoOptions} holds the reference server's options and defaults. The
 * Socket.IO layer builds on {@code EngineIoSocket}: it never sees a transport.
 *
 * <pre>
 *  HttpServer ─▶ HttpRoute.engineIo ─▶ EngineIoServer.handleRequest
 *                                         └▶ EngineIoRequestHandler (errors 0–5, CORS, allowRequest)
 *                                              ├─ handshake ─▶ EngineIoSocket.open ─▶ ConnectionListener
 *                                              └─ sid ─▶ socket's loop ─▶ transport.PollingTransport
 *                                                                       └▶ transport.WebSocketTransport (upgrade)
 *  transport ─▶ TransportEvents ─▶ EngineIoSocket ─▶ EngineIoSocketListener (message borrowed, close once, upgrade)
 *  any thread ─▶ EngineIoSocket.send/write/flush (takes ownership) ─▶ transport
 * </pre>
 *
 * <p>Each session lives on one Netty event loop, the one of the connection that opened it; listeners run
 * there.
 */
package io.tickwire.net.engineio;
