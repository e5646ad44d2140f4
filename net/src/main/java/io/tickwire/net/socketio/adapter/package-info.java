/**
 * Adapters: the rooms of a namespace and the delivery of broadcasts (socket.io-adapter's {@code Adapter}
 * and {@code SessionAwareAdapter}). {@link io.tickwire.net.socketio.adapter.InMemoryAdapter} serves one
 * node; a cluster adapter extends it and sends the same operations to the other nodes.
 */
package io.tickwire.net.socketio.adapter;
