package io.tickwire.engine.snapshot;

import io.tickwire.engine.ecs.Archetype;
import io.tickwire.engine.ecs.Entity;
import io.tickwire.engine.ecs.FloatField;
import io.tickwire.engine.ecs.Query;
import io.tickwire.engine.ecs.World;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntUnaryOperator;

/**
 * Area of interest on a 2D plane: a player sees the entities whose position lies within
 * {@code viewDistance} of its own entity's along each axis (a square view centred on it, like a screen), plus
 * every replicated entity that has no position at all (scores, clocks, match state). A player without a
 * positioned entity sees only those.
 *
 * <p>On each snapshot tick {@link #prepare} indexes the positioned entities in a uniform grid of cells
 * {@code viewDistance} wide (a spatial hash over reused arrays), so {@link #select} looks at the 3 × 3 cells
 * around the player instead of every entity. Loop thread only; allocates nothing once its arrays have grown
 * to the number of positioned entities.
 */
public final class GridInterest implements Interest {
    private static final int NO_ENTRY = -1;

    private final World world;
    private final FloatField x;
    private final FloatField y;
    private final float viewDistance;
    private final IntUnaryOperator entityOfPlayer;
    private final Query positioned;
    private final VisibleEntities indexed = new VisibleEntities();
    private int[] bucketHead = new int[64];
    private int[] next = new int[32];
    private int[] entity = new int[32];
    private int[] cellX = new int[32];
    private int[] cellY = new int[32];
    private float[] posX = new float[32];
    private float[] posY = new float[32];
    private int count;
    private int[] unpositioned = new int[16];
    private int unpositionedCount;

    /**
     * @param world          the match's world
     * @param x              the position's x field; {@code x} and {@code y} belong to the same component type
     * @param y              the position's y field
     * @param viewDistance   how far a player sees along each axis, in world units (greater than 0)
     * @param entityOfPlayer the entity a player's view is centred on, or {@link Entity#NONE} if it has none
     *                       (called on the loop thread during {@link #select})
     */
    public GridInterest(World world, FloatField x, FloatField y, float viewDistance, IntUnaryOperator entityOfPlayer) {
        this.world = Objects.requireNonNull(world, "world");
        this.x = Objects.requireNonNull(x, "x");
        this.y = Objects.requireNonNull(y, "y");
        if (x.type() != y.type()) {
            throw new IllegalArgumentException("x and y must be fields of the same component, got " + x + " and " + y);
        }
        if (!(viewDistance > 0) || Float.isInfinite(viewDistance)) {
            throw new IllegalArgumentException("viewDistance must be a positive finite number, got " + viewDistance);
        }
        this.viewDistance = viewDistance;
        this.entityOfPlayer = Objects.requireNonNull(entityOfPlayer, "entityOfPlayer");
        this.positioned = world.query(x.type());
    }

    @Override
    public void prepare(ReplicatedState state) {
        indexPositions();
        unpositionedCount = 0;
        for (int r = 0, n = state.recordCount(); r < n; r++) {
            int e = state.entity(r);
            boolean seen = unpositionedCount > 0 && unpositioned[unpositionedCount - 1] == e;
            if (!seen && !indexed.contains(e)) {
                if (unpositionedCount == unpositioned.length) {
                    unpositioned = Arrays.copyOf(unpositioned, unpositionedCount * 2);
                }
                unpositioned[unpositionedCount++] = e;
            }
        }
    }

    @Override
    public void select(int playerId, VisibleEntities visible) {
        for (int i = 0; i < unpositionedCount; i++) {
            visible.add(unpositioned[i]);
        }
        int self = entityOfPlayer.applyAsInt(playerId);
        if (self == Entity.NONE || !world.isAlive(self) || !world.has(self, x.type())) {
            return;
        }
        float px = world.getFloat(self, x);
        float py = world.getFloat(self, y);
        int cx = cell(px);
        int cy = cell(py);
        int mask = bucketHead.length - 1;
        for (int gx = cx - 1; gx <= cx + 1; gx++) {
            for (int gy = cy - 1; gy <= cy + 1; gy++) {
                for (int i = bucketHead[hash(gx, gy) & mask]; i != NO_ENTRY; i = next[i]) {
                    if (cellX[i] == gx && cellY[i] == gy && Math.abs(posX[i] - px) <= viewDistance
                            && Math.abs(posY[i] - py) <= viewDistance) {
                        visible.add(entity[i]);
                    }
                }
            }
        }
    }

    private void indexPositions() {
        int total = positioned.entityCount();
        if (total > next.length) {
            int capacity = Math.max(total, next.length * 2);
            next = new int[capacity];
            entity = new int[capacity];
            cellX = new int[capacity];
            cellY = new int[capacity];
            posX = new float[capacity];
            posY = new float[capacity];
        }
        if (bucketHead.length < 2 * total) {
            bucketHead = new int[Integer.highestOneBit(2 * total - 1) << 1];
        }
        Arrays.fill(bucketHead, NO_ENTRY);
        indexed.clear();
        count = 0;
        int mask = bucketHead.length - 1;
        for (int a = 0; a < positioned.archetypeCount(); a++) {
            Archetype archetype = positioned.archetype(a);
            int[] entities = archetype.entities();
            float[] xs = archetype.floats(x);
            float[] ys = archetype.floats(y);
            for (int row = 0, n = archetype.size(); row < n; row++) {
                int i = count++;
                entity[i] = entities[row];
                posX[i] = xs[row];
                posY[i] = ys[row];
                cellX[i] = cell(xs[row]);
                cellY[i] = cell(ys[row]);
                int bucket = hash(cellX[i], cellY[i]) & mask;
                next[i] = bucketHead[bucket];
                bucketHead[bucket] = i;
                indexed.add(entities[row]);
            }
        }
    }

    private int cell(float coordinate) {
        return (int) Math.floor(coordinate / viewDistance);
    }

    private static int hash(int cx, int cy) {
        int h = cx * 0x9E3779B1 ^ cy * 0x85EBCA6B;
        return h ^ (h >>> 16);
    }
}
