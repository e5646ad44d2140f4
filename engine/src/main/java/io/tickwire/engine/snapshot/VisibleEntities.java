package io.tickwire.engine.snapshot;

import io.tickwire.engine.ecs.Entity;
import java.util.Arrays;

/**
 * The entities one player sees at one snapshot tick: a set of entity handles that an {@link Interest} fills
 * and {@link PlayerViews#capture} reads. Membership is indexed by entity slot and checks the whole handle, so
 * a stale handle (its slot since reused) is not a member of a set holding the new one.
 *
 * <p>Not thread-safe: the match's loop thread. Reused: once it has grown to the world's highest slot,
 * {@link #add}, {@link #contains} and {@link #clear} allocate nothing.
 */
public final class VisibleEntities {
    private int[] handleBySlot = new int[64];
    private int[] slots = new int[64];
    private int size;

    /** Adds {@code entity} (a live handle, not {@link Entity#NONE}); adding a member again is a no-op. */
    public void add(int entity) {
        if (entity == Entity.NONE) {
            throw new IllegalArgumentException("Entity.NONE is never visible");
        }
        int slot = Entity.index(entity);
        if (slot >= handleBySlot.length) {
            handleBySlot = Arrays.copyOf(handleBySlot, Math.max(slot + 1, handleBySlot.length * 2));
        }
        if (handleBySlot[slot] == entity) {
            return;
        }
        if (handleBySlot[slot] == Entity.NONE) {
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
            }
            slots[size++] = slot;
        }
        handleBySlot[slot] = entity;
    }

    /** Whether {@code entity} (this exact handle) was added since the last {@link #clear()}. */
    public boolean contains(int entity) {
        int slot = Entity.index(entity);
        return entity != Entity.NONE && slot < handleBySlot.length && handleBySlot[slot] == entity;
    }

    /** Number of entities in the set. */
    public int size() {
        return size;
    }

    /** Orders the members by entity slot, for {@link #slot}. */
    void sortSlots() {
        Arrays.sort(slots, 0, size);
    }

    /** The slot of member {@code i} (in slot order after {@link #sortSlots}, until the next {@link #add}). */
    int slot(int i) {
        return slots[i];
    }

    /** Empties the set, in time proportional to its size. */
    public void clear() {
        for (int i = 0; i < size; i++) {
            handleBySlot[slots[i]] = Entity.NONE;
        }
        size = 0;
    }
}
