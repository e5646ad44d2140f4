/**
 * Scale-out over Redis, wire-compatible with the Node.js packages {@code @socket.io/redis-adapter} 8.3 and
 * {@code @socket.io/redis-emitter} 5.1 (see {@code docs/redis-adapter.md}), so Java and Node.js servers can
 * share one cluster; and the cluster's match directory.
 *
 * <pre>
 *                       ┌──────────── RedisLink (one per process: commands + one subscriber connection)
 *  Namespace ─ RedisAdapter ──PUBLISH socket.io#/nsp#[room#]───▶ Redis ──▶ other nodes' RedisAdapter
 *              │   (InMemoryAdapter for the local part)                      └▶ their local sockets
 *              ├──PUBLISH socket.io-request#/nsp# ──▶ RequestResponder on every node
 *              └◀─ socket.io-response#/nsp#[uid#] ◀── answers, collected as PendingRequests
 *  RedisEmitter ──PUBLISH (uid "emitter") ──▶ same channels, from a process that is not a server
 *  GameServer ─ RedisMatchDirectory ── SET tickwire:matches:node:&lt;id&gt; PX ttl / ZADD …:nodes (heartbeats)
 * </pre>
 *
 * Message shapes are in {@code ClusterMessages}, request numbers in {@code RequestType}.
 */
package io.tickwire.net.cluster.redis;
