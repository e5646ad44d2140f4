/**
 * What the lobby shows beyond GameServer's own {@code list}: each arena's round, phase, time left, humans and
 * bots and leader, published by the matches into an {@link io.tickwire.sample.lobby.ArenaDirectory} and
 * answered to the {@code arenas} event on the root namespace by {@link io.tickwire.sample.lobby.LobbyEvents}.
 *
 * <pre>
 *   ArenaMatch (loop thread, twice a second) ─publish─▶ ArenaDirectory ◀─snapshot─ LobbyEvents ◀─ "arenas" (client)
 * </pre>
 */
package io.tickwire.sample.lobby;
