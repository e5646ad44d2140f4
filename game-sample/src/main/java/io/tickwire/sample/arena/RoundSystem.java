package io.tickwire.sample.arena;

import io.tickwire.engine.ecs.Archetype;
import io.tickwire.engine.ecs.GameSystem;
import io.tickwire.engine.ecs.Query;
import io.tickwire.engine.ecs.World;

/**
 * The match timer. A round is played for {@code roundMs}, then its results are shown for {@code resultsMs}
 * (nobody shoots), then the next round starts: kills and deaths back to 0, shots cleared, every avatar
 * respawned, until {@link #finish()} ends the match. Keeps {@link RoundState} on its own entity up to date every
 * tick and tells the {@link ArenaListener}. Loop thread only; allocates nothing.
 */
public final class RoundSystem implements GameSystem {
    private final int roundEntity;
    private final long roundTicks;
    private final long resultsTicks;
    private final ArenaListener listener;
    private final RespawnSystem respawns;
    private final Query avatars;
    private final Query shots;
    private long phaseEndTick = -1;
    private boolean playing = true;
    private boolean finished;
    private int number = 1;
    private int msLeft;

    /**
     * Creates the round's entity in {@code world} (so call it where the entity order matters: after the clock).
     *
     * @param tickHz the simulation rate, to turn durations into ticks
     */
    public RoundSystem(World world, long roundMs, long resultsMs, int tickHz, ArenaListener listener,
            RespawnSystem respawns) {
        this.roundTicks = Math.max(1, roundMs * tickHz / 1000);
        this.resultsTicks = Math.max(1, resultsMs * tickHz / 1000);
        this.listener = listener;
        this.respawns = respawns;
        this.avatars = world.query(Avatar.TYPE, Position.TYPE);
        this.shots = world.query(Projectile.TYPE);
        this.roundEntity = world.create();
        world.add(roundEntity, RoundState.TYPE);
        world.setInt(roundEntity, RoundState.NUMBER, number);
        world.setInt(roundEntity, RoundState.PHASE, RoundState.PLAYING);
        msLeft = (int) roundMs;
        world.setInt(roundEntity, RoundState.MS_LEFT, msLeft);
    }

    /** Whether a round is being played (not its results shown). */
    public boolean isPlaying() {
        return playing;
    }

    /** Milliseconds until the current phase ends, as of the last tick. */
    public int msLeft() {
        return msLeft;
    }

    /** The current round, 1 for the first. */
    public int number() {
        return number;
    }

    /**
     * Ends the match for good (the server shuts down): play stops where it is, the avatars' kills and deaths
     * stay the final standings, the round shows as its results with no time left, and no round follows. The
     * listener hears nothing: whoever finishes the match sends what it wants to.
     */
    public void finish() {
        playing = false;
        finished = true;
        msLeft = 0;
    }


    @Override
    public void update(World world, long tick, float deltaSeconds) {
        if (finished) {
            world.setInt(roundEntity, RoundState.PHASE, RoundState.RESULTS);
            world.setInt(roundEntity, RoundState.MS_LEFT, 0);
            return;
        }
        if (phaseEndTick < 0) {
            phaseEndTick = tick + roundTicks;
        }
        if (tick >= phaseEndTick) {
            if (playing) {
                playing = false;
                phaseEndTick = tick + resultsTicks;
                listener.onRoundEnd(number);
            } else {
                playing = true;
                number++;
                phaseEndTick = tick + roundTicks;
                startRound(world);
                listener.onRoundStart(number);
            }
        }
        world.setInt(roundEntity, RoundState.NUMBER, number);
        world.setInt(roundEntity, RoundState.PHASE, playing ? RoundState.PLAYING : RoundState.RESULTS);
        msLeft = (int) ((phaseEndTick - tick) * deltaSeconds * 1000f);
        world.setInt(roundEntity, RoundState.MS_LEFT, msLeft);
    }

    private void startRound(World world) {
        for (int a = 0; a < shots.archetypeCount(); a++) {
            Archetype t = shots.archetype(a);
            for (int r = 0; r < t.size(); r++) {
                world.commands().destroy(t.entities()[r]);
            }
        }
        for (int a = 0; a < avatars.archetypeCount(); a++) {
            Archetype t = avatars.archetype(a);
            for (int r = 0; r < t.size(); r++) {
                t.ints(Avatar.KILLS)[r] = 0;
                t.ints(Avatar.DEATHS)[r] = 0;
                t.ints(Avatar.HP)[r] = 0;               // dead for a moment, so respawning spreads them out
            }
        }
        for (int a = 0; a < avatars.archetypeCount(); a++) {
            Archetype t = avatars.archetype(a);
            for (int r = 0; r < t.size(); r++) {
                respawns.spawn(world, t.entities()[r]);
            }
        }
    }
}
