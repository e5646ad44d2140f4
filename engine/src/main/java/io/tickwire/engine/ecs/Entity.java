package io.tickwire.engine.ecs;

/**
 * How an entity handle packs into an int: the slot index in the low {@value #INDEX_BITS} bits and a
 * generation (1..{@value #MAX_GENERATION}) above it, bumped each time the slot is recycled, so a handle kept
 * after its entity was destroyed is detected as stale. {@link #NONE} (0) is never a live entity.
 */
public final class Entity {
    /** Bits of the slot index: at most 1,048,576 live entities per world. */
    public static final int INDEX_BITS = 20;
    /** Largest generation before it wraps back to 1 (handles are never negative). */
    public static final int MAX_GENERATION = (1 << (Integer.SIZE - 1 - INDEX_BITS)) - 1;
    /** A handle that never refers to an entity. */
    public static final int NONE = 0;

    static final int INDEX_MASK = (1 << INDEX_BITS) - 1;
    static final int MAX_ENTITIES = 1 << INDEX_BITS;

    private Entity() {
    }

    /** The slot index of {@code entity}. */
    public static int index(int entity) {
        return entity & INDEX_MASK;
    }

    /** The generation of {@code entity}. */
    public static int generation(int entity) {
        return entity >>> INDEX_BITS;
    }

    static int handle(int index, int generation) {
        return (generation << INDEX_BITS) | index;
    }

    static int nextGeneration(int generation) {
        return generation == MAX_GENERATION ? 1 : generation + 1;
    }
}
