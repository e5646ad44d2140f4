package io.tickwire.sample.bots;

/** The names bots go by in the roster, so a scoreboard of bots still reads like one. */
public final class BotNames {
    private static final String[] NAMES = {
            "Ada", "Turing", "Hopper", "Lovelace", "Knuth", "Dijkstra", "Liskov", "Hamilton", "Ritchie", "Kay",
            "Lamport", "Wirth",
    };

    private BotNames() {
    }

    /** The name of the bot with player id {@code botId} (negative: -1, -2, ...). */
    public static String of(int botId) {
        int n = -botId - 1;
        String base = NAMES[n % NAMES.length];
        return "bot " + (n < NAMES.length ? base : base + " " + (n / NAMES.length + 1));
    }
}
