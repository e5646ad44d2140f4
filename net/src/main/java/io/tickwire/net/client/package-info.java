/**
 * The Socket.IO v5 client on Netty (Engine.IO v4 underneath), usable by applications, tests and the load
 * test bots. A {@link io.tickwire.net.client.Manager} is one Engine.IO connection (polling, WebSocket, or
 * polling upgraded to WebSocket) multiplexing {@link io.tickwire.net.client.ClientSocket}s, one per
 * namespace, as socket.io-client's Manager and Socket. Packets are encoded and decoded by
 * {@code io.tickwire.net.socketio.parser}, so the client speaks both parsers with the server's value model.
 *
 * <pre>
 *   ClientSocket ─emit─▶ Manager.packet ─encode─▶ EngineIoClient.send ─▶ ClientTransport ─▶ server
 *   ClientSocket ◀─route by namespace─ Manager ◀─decode─ EngineIoClient ◀─ PING/PONG, OPEN, MESSAGE
 * </pre>
 *
 * A stream of binary events (game state) can skip the value model: {@link
 * io.tickwire.net.client.ClientSocket#onBinary} listeners get an event's binary first argument, read straight
 * from the received frame with the msgpack parser ({@code MsgpackEventPeek}). Over WebSocket a received frame
 * passes the frame decoder and one handler ({@code WebSocketMessageReader}), which matters to a process with
 * thousands of connections.
 *
 * {@code https}/{@code wss} URLs use TLS ({@link io.tickwire.net.client.ClientOptions#sslContext()}, by default
 * the JDK's trusted certificates with host name verification).
 *
 * Threading: each manager lives on one event loop of a group the caller owns; thousands of managers share
 * one group. Every emit is written and flushed at once, or, inside {@code Manager.batch}, flushed once with
 * the others of the batch (one system call). Specs: engine.io-protocol-v4.md (client side of "Handshake", "Heartbeat", "Upgrade"),
 * socket.io-protocol-v5.md ("Connection to a namespace", acknowledgements, connection state recovery).
 */
package io.tickwire.net.client;
