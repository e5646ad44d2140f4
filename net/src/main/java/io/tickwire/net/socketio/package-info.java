/**
 * The Socket.IO v5 server (spec: {@code socket.io-protocol-v5.md}; API: socket.io 4.8's {@code Server},
 * {@code Namespace}, {@code Socket}, {@code BroadcastOperator}), one concept per class as in the reference:
 *
 * <pre>
 *   SocketIoServer ── Namespace("/", "/chat", …) ── Adapter (rooms, delivery)
 *        │               └─ ParentNamespace ── child Namespaces created on demand
 *        └─ EngineIoServer ── EngineIoSocket ── Client ── one Socket per joined namespace
 * </pre>
 *
 * <p>Threading contract: each connection (Client and its Sockets) belongs to one Netty event loop; event
 * listeners, middlewares and acknowledgement callbacks run there, in arrival order, and must not block.
 * Emitting (to a socket, a room, a namespace) is safe from any thread, never blocks, and keeps the order
 * of the emits made by one thread: a game loop thread may emit directly. A broadcast is encoded once per
 * parser kind on the calling thread; each recipient gets a retained duplicate of the same buffers.
 */
package io.tickwire.net.socketio;
