package io.tickwire.engine.ecs;

import java.util.Arrays;

/**
 * One world's numbering of the component types it has seen: each gets a bit (0..63) on first use, which is
 * its position in archetype masks and, for replicated components, its id on the wire.
 */
final class ComponentRegistry {
    static final int MAX_TYPES = Long.SIZE;

    private final ComponentType[] byBit = new ComponentType[MAX_TYPES];
    private int[] bitById = new int[0];
    private int count;

    /** The bit of {@code type} in this world, or -1 if the world has never seen it. */
    int bitOf(ComponentType type) {
        int id = type.id();
        return id < bitById.length ? bitById[id] : -1;
    }

    /** The bit of {@code type}, assigning the next one on first use. */
    int register(ComponentType type) {
        int bit = bitOf(type);
        if (bit >= 0) {
            return bit;
        }
        if (count == MAX_TYPES) {
            throw new IllegalStateException("a world holds at most " + MAX_TYPES + " component types; cannot add " + type);
        }
        int id = type.id();
        if (id >= bitById.length) {
            int oldLength = bitById.length;
            bitById = Arrays.copyOf(bitById, Math.max(id + 1, oldLength * 2));
            Arrays.fill(bitById, oldLength, bitById.length, -1);
        }
        bitById[id] = count;
        byBit[count] = type;
        return count++;
    }

    ComponentType typeAt(int bit) {
        return byBit[bit];
    }

    int count() {
        return count;
    }
}
