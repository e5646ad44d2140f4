/**
 * The soak: a Socket.IO server in this process, bots connecting and disconnecting against it without a
 * pause, and the heap after a full GC sampled at intervals, to show that nothing a connection leaves
 * behind accumulates (sessions, ByteBufs, timers). Run with {@code ./run soak --minutes 30}; a short run
 * is {@code SoakTest} in the build.
 *
 * <pre>
 *   polite bots: connect ─▶ acked echoes ─▶ disconnect ─┐
 *   rude bots:   WebSocket upgrade, hang up at once    ─┼─▶ SocketIoServer ◀── HeapSampler (GC, heap used,
 *                polling handshake, never poll again   ─┘                      open sessions) every interval
 * </pre>
 */
package io.tickwire.net.soak;
