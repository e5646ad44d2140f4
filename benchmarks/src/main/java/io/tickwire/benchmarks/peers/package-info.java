/**
 * Peer servers of {@code ./run bench compare}: the loadtest broadcast scenario's handler on other
 * Socket.IO servers (the Node one is {@code loadtest/peers/broadcast-server.mjs}).
 */
package io.tickwire.benchmarks.peers;
