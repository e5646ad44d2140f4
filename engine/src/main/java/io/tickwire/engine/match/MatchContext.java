package io.tickwire.engine.match;

import io.tickwire.engine.ecs.World;
import io.tickwire.engine.snapshot.Interest;
import io.tickwire.engine.snapshot.PackBuffer;
import io.tickwire.engine.snapshot.PlayerViews;
import io.tickwire.engine.snapshot.SnapshotHistory;

/**
 * What game code of one match works with: its world, players, outbox, message buffer, snapshot history and
 * the current tick. Handed to every {@link Match} callback; use it on the loop thread only.
 */
public final class MatchContext {
    private final MatchRunner runner;
    private final MatchHandle handle;
    private final World world;
    private final Players players;
    private final Outbox outbox;
    private final PackBuffer packBuffer;
    private final SnapshotHistory snapshots;
    private final float deltaSeconds;
    private Interest interest;
    private PlayerViews views;
    long tick;

    MatchContext(MatchRunner runner, MatchHandle handle, Outbox outbox, float deltaSeconds) {
        MatchOptions options = handle.options();
        this.runner = runner;
        this.handle = handle;
        this.world = new World(options.world());
        this.players = new Players(options.maxPlayers());
        this.outbox = outbox;
        this.packBuffer = new PackBuffer(options.packBufferBytes());
        this.snapshots = new SnapshotHistory(world, options.snapshotHistoryTicks());
        this.deltaSeconds = deltaSeconds;
    }

    /** The thread-safe handle others use to reach this match. */
    public MatchHandle handle() {
        return handle;
    }

    /** The options the match was created with. */
    public MatchOptions options() {
        return handle.options();
    }

    /** The match's world (its systems run after {@link Match#onTick}). */
    public World world() {
        return world;
    }

    /** The players in the match now. */
    public Players players() {
        return players;
    }

    /** Where messages leave; see {@link Outbox} for payload ownership. */
    public Outbox outbox() {
        return outbox;
    }

    /** A reusable msgpack buffer for outgoing payloads: begin, pack, finish, then pass its array to the outbox. */
    public PackBuffer packBuffer() {
        return packBuffer;
    }

    /** Captured replicated states of the world, for full and delta snapshots. */
    public SnapshotHistory snapshots() {
        return snapshots;
    }

    /**
     * Turns interest management on (or off with null): from the next snapshot tick, the output port sends each
     * player only what {@code interest} selects for it, encoded per player, instead of the whole world encoded
     * once for everyone. Usually set in {@link Match#onCreate}.
     */
    public void setInterest(Interest interest) {
        this.interest = interest;
        if (interest != null && views == null) {
            views = new PlayerViews(world, handle.options().snapshotHistoryTicks());
        }
    }

    /** The interest policy set by {@link #setInterest}, or null when every player sees the whole world. */
    public Interest interest() {
        return interest;
    }

    /**
     * What each player was shown under the {@link #interest()} policy (kept as long as {@code snapshotHistoryTicks}
     * for deltas), or null if no policy was ever set. A player's views are forgotten when it leaves.
     */
    public PlayerViews views() {
        return views;
    }

    /** The tick being run (0, 1, 2, ... for the loop hosting this match). */
    public long tick() {
        return tick;
    }

    /** Simulated seconds per tick. */
    public float deltaSeconds() {
        return deltaSeconds;
    }

    /**
     * Removes {@code playerId} now: {@link Match#onLeave} with {@link LeaveReason#KICKED}, then
     * {@link Outbox#playerRemoved}. Returns false if the player is not in the match. Changes {@link #players()},
     * so do not call it while iterating players by index without adjusting.
     */
    public boolean kick(int playerId) {
        return runner.removePlayer(playerId, LeaveReason.KICKED);
    }
}
