package io.tickwire.engine.snapshot;

/**
 * Interest management: which entities each player's snapshots hold. A game that sets one on its match
 * ({@code MatchContext.setInterest}) gets per-player state: on each snapshot tick every player is sent only
 * the replicated components of the entities it sees, as a delta against what it was sent before (an entity
 * leaving its view is reported as removed, one entering it arrives whole). Without one, every player gets the
 * whole world, encoded once for the room. {@link GridInterest} is a ready-made policy for 2D positions.
 *
 * <p>Called on the match's loop thread, once per snapshot tick: {@link #prepare} first, then {@link #select}
 * for each connected player. Implementations may read the world; they must not change it.
 */
public interface Interest {
    /**
     * A snapshot tick begins; {@code state} is the capture being sent (borrowed for this tick). Build what
     * {@link #select} needs for every player (a spatial index) here, once.
     */
    default void prepare(ReplicatedState state) {
    }

    /** Adds to {@code visible} (empty on entry) the entities {@code playerId} sees at this tick. */
    void select(int playerId, VisibleEntities visible);
}
