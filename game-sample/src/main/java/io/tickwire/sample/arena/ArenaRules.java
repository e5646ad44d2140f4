package io.tickwire.sample.arena;

/**
 * The arena's fixed rules, in world units (one unit is one CSS pixel at zoom 1), seconds and ticks of the
 * 60 Hz simulation. The web client mirrors the movement ones ({@code src/main/web/rules.js}) to predict its
 * own avatar; a change here must be made there too.
 */
public final class ArenaRules {
    private ArenaRules() {
    }

    /** Width and height of the arena floor. */
    public static final float WIDTH = 1600f;
    public static final float HEIGHT = 1000f;
    /** Avatars collide with walls and obstacles as squares of this half size; projectiles hit them as circles. */
    public static final float AVATAR_RADIUS = 18f;
    /** Movement speed along each axis while a direction is held. */
    public static final float SPEED_PER_SECOND = 260f;
    /** How much simulated time one movement input stands for (clients send at 30 Hz). */
    public static final float STEP_SECONDS = 1f / 30f;
    /** Movement inputs a player may bank; one more is earned every {@code 1 / STEP_SECONDS} of a second. */
    public static final float MAX_STEP_CREDIT = 6f;
    public static final int MAX_HEALTH = 100;
    public static final int SHOT_DAMAGE = 20;
    /** Ticks between two shots of one avatar (5 shots per second at 60 Hz). */
    public static final int FIRE_COOLDOWN_TICKS = 12;
    public static final float SHOT_SPEED_PER_SECOND = 900f;
    /** A shot flies this many ticks (one second) unless it hits something. */
    public static final int SHOT_LIFETIME_TICKS = 60;
    public static final float SHOT_RADIUS = 5f;
    /** Dead avatars come back after this long. */
    public static final int RESPAWN_MS = 2000;
}
