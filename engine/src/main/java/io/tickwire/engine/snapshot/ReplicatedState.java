package io.tickwire.engine.snapshot;

import io.tickwire.engine.ecs.Entity;
import io.tickwire.engine.ecs.ReplicationSink;
import io.tickwire.engine.ecs.World;
import java.util.Arrays;

/**
 * The replicated components of a world at one tick, as flat records sorted by (entity slot, component id):
 * record {@code i} is {@link #entity}, {@link #componentId} and the raw bits of its field values. It is
 * both the server's memory of past ticks (in {@link SnapshotHistory}) and a client's reconstruction of the
 * server state (from {@link SnapshotDecoder}); two states are {@link #equals equal} when they hold the same
 * tick-independent content.
 *
 * <p>Not thread-safe. Reused: capturing into a state that has grown to the world's size allocates nothing.
 */
public final class ReplicatedState implements ReplicationSink {
    /** Records a linear scan tests for the price of one visible entity's binary search (about log2 of a world). */
    private static final int SEARCH_COST_RECORDS = 16;
    /** Largest view searched rather than scanned: {@code Arrays.sort} of more ints may allocate a merge buffer. */
    private static final int MAX_SEARCHED_VIEW = 4096;

    private long tick = -1;
    private int count;
    private int[] entities = new int[64];
    private int[] componentIds = new int[64];
    private int[] valueStart = new int[65];
    private long[] values = new long[256];
    private int valueCount;

    /** Replaces this state's content with {@code world}'s replicated components, labelled {@code tick}. */
    public void capture(World world, long tick) {
        clear(tick);
        world.writeReplicated(this);
    }

    /** Empties the state and labels it {@code tick} (-1 for "no tick"). */
    public void clear(long tick) {
        this.tick = tick;
        count = 0;
        valueCount = 0;
        valueStart[0] = 0;
    }

    /** The tick this state describes, or -1. */
    public long tick() {
        return tick;
    }

    /** Number of (entity, component) records. */
    public int recordCount() {
        return count;
    }

    /** The entity handle of {@code record}. */
    public int entity(int record) {
        return entities[record];
    }

    /** The world's component id of {@code record}. */
    public int componentId(int record) {
        return componentIds[record];
    }

    /** Number of field values of {@code record}. */
    public int valueCount(int record) {
        return valueStart[record + 1] - valueStart[record];
    }

    /** The raw bits of field {@code field} (declaration order) of {@code record}. */
    public long value(int record, int field) {
        return values[valueStart[record] + field];
    }

    /** Orders records: by entity slot, then component id. */
    static long key(int entity, int componentId) {
        return ((long) Entity.index(entity) << 8) | componentId;
    }

    long key(int record) {
        return key(entities[record], componentIds[record]);
    }

    @Override
    public void component(int entity, int componentId) {
        if (count + 1 == entities.length) {
            int capacity = entities.length * 2;
            entities = Arrays.copyOf(entities, capacity);
            componentIds = Arrays.copyOf(componentIds, capacity);
            valueStart = Arrays.copyOf(valueStart, capacity + 1);
        }
        entities[count] = entity;
        componentIds[count] = componentId;
        count++;
        valueStart[count] = valueCount;
    }

    @Override
    public void value(long bits) {
        if (valueCount == values.length) {
            values = Arrays.copyOf(values, valueCount * 2);
        }
        values[valueCount++] = bits;
        valueStart[count] = valueCount;
    }

    /** Appends a copy of {@code source}'s record {@code record}. */
    void copyRecord(ReplicatedState source, int record) {
        component(source.entities[record], source.componentIds[record]);
        for (int i = source.valueStart[record], end = source.valueStart[record + 1]; i < end; i++) {
            value(source.values[i]);
        }
    }

    /** Replaces this state's content with a copy of {@code source}. */
    public void copyFrom(ReplicatedState source) {
        clear(source.tick);
        for (int i = 0; i < source.count; i++) {
            copyRecord(source, i);
        }
    }

    /**
     * Replaces this state's content with the records of {@code source} whose entity is in {@code visible}
     * (one player's view of it), labelled with {@code source}'s tick.
     */
    public void copyVisible(ReplicatedState source, VisibleEntities visible) {
        clear(source.tick);
        int wanted = visible.size();
        if (wanted > MAX_SEARCHED_VIEW || (long) wanted * SEARCH_COST_RECORDS >= source.count) {
            for (int i = 0; i < source.count; i++) {
                if (visible.contains(source.entities[i])) {
                    copyRecord(source, i);
                }
            }
            return;
        }
        // a view is usually a small part of the world: find each visible slot's records by binary search,
        // in slot order so that the copy stays sorted, instead of testing every record of the world
        visible.sortSlots();
        int from = 0;
        for (int v = 0; v < wanted; v++) {
            int slot = visible.slot(v);
            int r = source.firstRecordOfSlot(slot, from);
            for (; r < source.count && Entity.index(source.entities[r]) == slot; r++) {
                if (visible.contains(source.entities[r])) {
                    copyRecord(source, r);
                }
            }
            from = r;
        }
    }

    /** The first record at or after {@code from} whose entity slot is at least {@code slot}. */
    private int firstRecordOfSlot(int slot, int from) {
        int low = from;
        int high = count;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (Entity.index(entities[mid]) < slot) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ReplicatedState that) || count != that.count || valueCount != that.valueCount) {
            return false;
        }
        return Arrays.equals(entities, 0, count, that.entities, 0, count)
                && Arrays.equals(componentIds, 0, count, that.componentIds, 0, count)
                && Arrays.equals(valueStart, 0, count + 1, that.valueStart, 0, count + 1)
                && Arrays.equals(values, 0, valueCount, that.values, 0, valueCount);
    }

    @Override
    public int hashCode() {
        int hash = count;
        for (int i = 0; i < valueCount; i++) {
            hash = 31 * hash + Long.hashCode(values[i]);
        }
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ReplicatedState{tick=").append(tick);
        for (int i = 0; i < count; i++) {
            text.append(", ").append(entities[i]).append('/').append(componentIds[i]).append('=')
                    .append(Arrays.toString(Arrays.copyOfRange(values, valueStart[i], valueStart[i + 1])));
        }
        return text.append('}').toString();
    }
}
