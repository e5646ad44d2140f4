package io.tickwire.sample.arena;

/**
 * What the systems tell the match about (it turns them into acked messages to the players). Called on the
 * loop thread while systems run; implementations must not change the world's structure directly.
 */
public interface ArenaListener {
    /** A shot of {@code attacker} hit {@code victim} for {@code damage}; {@code hpLeft} may be 0. */
    void onHit(int attacker, int victim, int damage, int hpLeft);

    /** {@code killer}'s shot took {@code victim}'s last health. */
    void onKill(int killer, int victim);

    /** Round {@code number} is over; the avatars' kills and deaths are its final standings. */
    void onRoundEnd(int number);

    /** Round {@code number} starts (scores were reset, everybody respawned). */
    void onRoundStart(int number);

    /** Ignores everything (tests of a single system). */
    ArenaListener NONE = new ArenaListener() {
        @Override
        public void onHit(int attacker, int victim, int damage, int hpLeft) {
        }

        @Override
        public void onKill(int killer, int victim) {
        }

        @Override
        public void onRoundEnd(int number) {
        }

        @Override
        public void onRoundStart(int number) {
        }
    };
}
