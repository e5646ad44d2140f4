package io.tickwire.engine.ecs;

import java.util.Arrays;

/**
 * The archetypes whose entities have all of a set of components, kept up to date as the world creates new
 * archetypes. Iterate it by index; nothing allocates:
 *
 * <pre>{@code
 * for (int a = 0; a < moving.archetypeCount(); a++) {
 *     Archetype table = moving.archetype(a);
 *     float[] x = table.floats(X), vx = table.floats(VX);
 *     for (int row = 0, n = table.size(); row < n; row++) x[row] += vx[row] * dt;
 * }
 * }</pre>
 *
 * Created once per world with {@link World#query}; loop thread only.
 */
public final class Query {
    private final long mask;
    private Archetype[] matches = new Archetype[8];
    private int count;

    Query(long mask) {
        this.mask = mask;
    }

    /** Number of matching archetypes (some may be empty). */
    public int archetypeCount() {
        return count;
    }

    /** The matching archetype at {@code i}, {@code 0 <= i < archetypeCount()}. */
    public Archetype archetype(int i) {
        return matches[i];
    }

    /** Number of entities matching now. */
    public int entityCount() {
        int total = 0;
        for (int i = 0; i < count; i++) {
            total += matches[i].size();
        }
        return total;
    }

    void offer(Archetype archetype) {
        if ((archetype.mask & mask) == mask) {
            if (count == matches.length) {
                matches = Arrays.copyOf(matches, count * 2);
            }
            matches[count++] = archetype;
        }
    }
}
