package io.tickwire.engine.snapshot;

import io.tickwire.engine.ecs.World;
import org.agrona.collections.Int2ObjectHashMap;
import org.msgpack.core.MessagePacker;

/**
 * What each player of a match was shown, tick by tick, when an {@link Interest} limits their views: per
 * player a ring of the filtered states it was sent, so that its next snapshot is a delta against exactly what
 * it holds at the tick it acknowledged. An entity that left a player's view since that tick is written as
 * removed; one that entered it is written whole.
 *
 * <p>Not thread-safe: the match's loop thread. A player's ring is allocated when it is first captured and
 * reused after; capturing and writing allocate nothing once the states have grown to the view's size.
 */
public final class PlayerViews {
    private final int capacityTicks;
    private final SnapshotEncoder encoder;
    private final Int2ObjectHashMap<StateRing> views = new Int2ObjectHashMap<>();

    /**
     * @param world         the world the captured states come from (for field kinds when encoding)
     * @param capacityTicks how many past views per player a delta can refer back to (at least 1)
     */
    public PlayerViews(World world, int capacityTicks) {
        if (capacityTicks < 1) {
            throw new IllegalArgumentException("capacityTicks must be at least 1, got " + capacityTicks);
        }
        this.capacityTicks = capacityTicks;
        this.encoder = new SnapshotEncoder(world);
    }

    /**
     * Records what {@code playerId} sees of {@code state}: its records whose entity is in {@code visible}, as
     * the player's view at {@code state.tick()}.
     *
     * @throws IllegalArgumentException if the tick is not after the player's last captured view
     */
    public ReplicatedState capture(int playerId, ReplicatedState state, VisibleEntities visible) {
        StateRing ring = views.get(playerId);
        if (ring == null) {
            ring = new StateRing(capacityTicks);
            views.put(playerId, ring);
        }
        ReplicatedState view = ring.next(state.tick());
        view.copyVisible(state, visible);
        return view;
    }

    /**
     * Writes {@code playerId}'s latest view to {@code out}: as a delta against its view at {@code baseTick} if
     * that is still remembered, otherwise in full (pass -1 to ask for a full snapshot).
     *
     * @return true if a delta was written, false if a full snapshot was
     * @throws IllegalStateException if no view of {@code playerId} was captured
     */
    public boolean writeLatest(int playerId, long baseTick, MessagePacker out) {
        StateRing ring = views.get(playerId);
        if (ring == null || ring.latest() == null) {
            throw new IllegalStateException("no view of player " + playerId + " captured");
        }
        ReplicatedState base = baseTick < 0 ? null : ring.find(baseTick);
        encoder.write(base, ring.latest(), out);
        return base != null;
    }

    /** Forgets {@code playerId}'s views (it left the match); its next capture starts afresh. */
    public void forget(int playerId) {
        views.remove(playerId);
    }

    /** Players with remembered views. */
    public int playerCount() {
        return views.size();
    }
}
