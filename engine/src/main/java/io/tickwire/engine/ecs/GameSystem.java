package io.tickwire.engine.ecs;

/**
 * One step of the simulation, run once per tick in the order systems were added to the {@link World}.
 * Runs on the loop thread. Structural changes (add, remove, destroy) must go through
 * {@link World#commands()}: they are applied after this system returns, before the next one runs.
 * Field writes through archetype columns or {@code World.set*} are immediate.
 */
@FunctionalInterface
public interface GameSystem {
    /**
     * @param world the world being simulated
     * @param tick the tick number, starting at 0 and increasing by one per simulated tick
     * @param deltaSeconds the fixed simulated time per tick (1 / simulation rate)
     */
    void update(World world, long tick, float deltaSeconds);
}
