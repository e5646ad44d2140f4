package io.tickwire.net.match;

import java.util.Map;

/**
 * One match as a {@link MatchDirectory} lists it: where it is hosted and how full it is. Immutable.
 *
 * @param matchId    unique on its node (the node's {@link GameServer} names it)
 * @param mode       the {@link GameMode}'s name
 * @param players    seats taken or reserved when the hosting node last reported
 * @param maxPlayers the match's capacity
 * @param locked     whether it takes no new players
 * @param labels     its labels (the mode's, the creator's, and {@code mode})
 * @param nodeId     the hosting node's id in the directory
 * @param nodeUrl    where clients reach the hosting node (e.g. {@code https://eu-2.example.com}), or null
 *                   for a directory of one node
 */
public record MatchListing(String matchId, String mode, int players, int maxPlayers, boolean locked,
                           Map<String, String> labels, String nodeId, String nodeUrl) {
    public MatchListing {
        labels = Map.copyOf(labels);
    }

    /** Whether a player could join: unlocked, not full, and labelled with every one of {@code filters}. */
    public boolean takes(Map<String, String> filters) {
        return !locked && players < maxPlayers && labels.entrySet().containsAll(filters.entrySet());
    }
}
