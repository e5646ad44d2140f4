package io.tickwire.engine.match;

import org.agrona.collections.Int2IntHashMap;

/**
 * The players currently in a match, densely indexed, with the count of inputs each has had applied this tick.
 * Read it on the loop thread; it changes when players join, leave or are kicked.
 */
public final class Players {
    private final int[] ids;
    private final int[] inputsThisTick;
    private final Int2IntHashMap indexById;
    private int count;

    Players(int maxPlayers) {
        ids = new int[maxPlayers];
        inputsThisTick = new int[maxPlayers];
        indexById = new Int2IntHashMap(Math.max(8, maxPlayers * 2), 0.5f, -1);
    }

    /** Number of players in the match. */
    public int count() {
        return count;
    }

    /** The id of the player at {@code index}, {@code 0 <= index < count()} (order changes on leave). */
    public int id(int index) {
        return ids[index];
    }

    /** Whether {@code playerId} is in the match. */
    public boolean contains(int playerId) {
        return indexById.get(playerId) != -1;
    }

    boolean isFull() {
        return count == ids.length;
    }

    void add(int playerId) {
        ids[count] = playerId;
        inputsThisTick[count] = 0;
        indexById.put(playerId, count);
        count++;
    }

    boolean remove(int playerId) {
        int index = indexById.remove(playerId);
        if (index == -1) {
            return false;
        }
        int last = --count;
        if (index != last) {
            ids[index] = ids[last];
            inputsThisTick[index] = inputsThisTick[last];
            indexById.put(ids[index], index);
        }
        return true;
    }

    /** Counts one more input for {@code playerId}; false if it is not here or has reached {@code cap}. */
    boolean admitInput(int playerId, int cap) {
        int index = indexById.get(playerId);
        if (index == -1 || inputsThisTick[index] >= cap) {
            return false;
        }
        inputsThisTick[index]++;
        return true;
    }

    void resetInputCounts() {
        java.util.Arrays.fill(inputsThisTick, 0, count, 0);
    }
}
