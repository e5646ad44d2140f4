/**
 * Starting a whole server from its options: {@link io.tickwire.net.launch.Launcher} reads them (flags over
 * environment variables over a HOCON file over every {@code reference.conf}) and renders {@code --help};
 * {@link io.tickwire.net.launch.ServerSettings} checks them once, with errors that name the option;
 * {@link io.tickwire.net.launch.TickwireServer} starts Socket.IO, the application's game server, metrics,
 * probes, the admin UI and TLS on one port, and drains gracefully on SIGTERM.
 *
 * <pre>
 *   args, env, --config file, reference.conf ──Launcher──▶ LaunchConfig ──ServerSettings.from──▶ TickwireServer.start
 *   SIGTERM ──▶ shutdown(): /ready 503, refuse handshakes, "server shutting down", Match.onShutdown, drain acks, close
 * </pre>
 */
package io.tickwire.net.launch;
