/**
 * Server-side instrumentation for the official Socket.IO admin UI ({@code @socket.io/admin-ui} 0.5.x), the
 * Java counterpart of its {@code instrument(io, options)}: the {@code /admin} namespace with basic
 * authentication (bcrypt) or none, {@code config} and, in development mode, {@code all_sockets} on connect,
 * {@code server_stats} every 2 s, the development-mode events, and the UI's actions; plus the UI's built
 * files served at {@code /admin/}.
 *
 * <pre>
 *   UI ──CONNECT /admin {username, password | sessionId}──▶ AdminAuthentication (bcrypt off the event loop)
 *      ◀── session, config, all_sockets ── AdminInstrumentation ◀── server_stats every 2 s (counters, no hot-path cost)
 *      ◀── socket_connected, room_joined, event_received… ── AdminEvents (development mode: listeners on each namespace)
 *      ──▶ emit / join / leave / _disconnect (nsp, …, filter) ──▶ io.of(nsp).in(filter)…
 * </pre>
 */
package io.tickwire.net.admin;
