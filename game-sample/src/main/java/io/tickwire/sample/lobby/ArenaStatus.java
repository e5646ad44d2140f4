package io.tickwire.sample.lobby;

/**
 * One arena as the lobby shows it, at the moment it was published.
 *
 * @param matchId  the GameServer's match id (what {@code join} takes)
 * @param title    the name its creator gave it, or a default
 * @param round    1 for the first round
 * @param playing  true while a round is played, false while its results are shown
 * @param msLeft   milliseconds until the phase ends
 * @param humans   human players in it
 * @param bots     bots in it
 * @param leader   the name of whoever has most kills this round, or "" when nobody has any
 */
public record ArenaStatus(String matchId, String title, int round, boolean playing, int msLeft, int humans,
        int bots, String leader) {
}
