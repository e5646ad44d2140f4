/**
 * The sample game, a top-down multiplayer arena: {@link io.tickwire.sample.ArenaServer} hosts it on engine
 * and net (GameServer on {@code /game}, the lobby's {@code arenas} event, the web client on HTTP).
 *
 * <pre>
 *   browser ─ HTTP ─▶ web.WebClient (page, bundle)
 *           ─ Socket.IO /game ─▶ GameServer ─▶ match.ArenaMatch (arena systems, bots) ─▶ state, roster, hits
 *           ─ Socket.IO /     ─▶ lobby.LobbyEvents ◀─ lobby.ArenaDirectory ◀─ ArenaMatch statuses
 * </pre>
 */
package io.tickwire.sample;
