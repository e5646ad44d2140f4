package io.tickwire.sample.arena;

/**
 * The arena's floor: its bounds, the rectangular obstacles and the spawn points; and the one movement rule
 * avatars follow, {@link #move}. Immutable and shared by every match. The web client holds the same table
 * ({@code src/main/web/rules.js}) and the same movement code.
 */
public final class ArenaMap {
    /** Obstacles as {@code x, y, width, height} quadruples (top-left corner). */
    static final float[] OBSTACLES = {
            340, 190, 130, 130,
            1130, 190, 130, 130,
            340, 680, 130, 130,
            1130, 680, 130, 130,
            730, 420, 140, 160,
            700, 90, 200, 36,
            700, 874, 200, 36,
    };
    /** Spawn points as {@code x, y} pairs. */
    static final float[] SPAWNS = {
            120, 120, 1480, 120, 120, 880, 1480, 880, 800, 250, 800, 750, 160, 500, 1440, 500,
    };

    private ArenaMap() {
    }

    /** Number of spawn points. */
    public static int spawnCount() {
        return SPAWNS.length / 2;
    }

    public static float spawnX(int i) {
        return SPAWNS[2 * i];
    }

    public static float spawnY(int i) {
        return SPAWNS[2 * i + 1];
    }

    /**
     * Moves an avatar from {@code (x, y)} by {@code (dx, dy)}, one axis after the other, stopping at walls and
     * obstacles (the avatar is a square of half size {@link ArenaRules#AVATAR_RADIUS}). Writes the new
     * position into {@code out[0], out[1]}; allocates nothing.
     */
    public static void move(float x, float y, float dx, float dy, float[] out) {
        float r = ArenaRules.AVATAR_RADIUS;
        float nx = clamp(x + dx, r, ArenaRules.WIDTH - r);
        for (int o = 0; o < OBSTACLES.length; o += 4) {
            if (overlaps(nx, y, r, o)) {
                nx = dx > 0 ? OBSTACLES[o] - r : OBSTACLES[o] + OBSTACLES[o + 2] + r;
            }
        }
        float ny = clamp(y + dy, r, ArenaRules.HEIGHT - r);
        for (int o = 0; o < OBSTACLES.length; o += 4) {
            if (overlaps(nx, ny, r, o)) {
                ny = dy > 0 ? OBSTACLES[o + 1] - r : OBSTACLES[o + 1] + OBSTACLES[o + 3] + r;
            }
        }
        out[0] = nx;
        out[1] = ny;
    }

    /** Whether a point (a shot's centre) is outside the floor or inside an obstacle grown by {@code radius}. */
    public static boolean blocks(float x, float y, float radius) {
        if (x < 0 || y < 0 || x > ArenaRules.WIDTH || y > ArenaRules.HEIGHT) {
            return true;
        }
        for (int o = 0; o < OBSTACLES.length; o += 4) {
            if (overlaps(x, y, radius, o)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the straight line between two points is clear of obstacles (sampled every 10 units). */
    public static boolean lineOfSight(float x0, float y0, float x1, float y1) {
        float length = (float) Math.hypot(x1 - x0, y1 - y0);
        int samples = Math.max(1, (int) (length / 10f));
        for (int s = 1; s < samples; s++) {
            float t = s / (float) samples;
            if (blocks(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, 0f)) {
                return false;
            }
        }
        return true;
    }

    private static boolean overlaps(float x, float y, float halfSize, int o) {
        return x + halfSize > OBSTACLES[o] && x - halfSize < OBSTACLES[o] + OBSTACLES[o + 2]
                && y + halfSize > OBSTACLES[o + 1] && y - halfSize < OBSTACLES[o + 1] + OBSTACLES[o + 3];
    }

    private static float clamp(float v, float min, float max) {
        return v < min ? min : Math.min(v, max);
    }
}
