package io.tickwire.net.socketio.adapter;

/**
 * Unique, short offsets for kept packets, as the reference's {@code yeast()}: the time in milliseconds in
 * base 64, plus a counter suffix when several offsets share a millisecond. Call under the caller's lock.
 */
final class OffsetGenerator {
    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".toCharArray();

    private String previous = "";
    private int seed;

    String next(long nowMs) {
        String now = encode(nowMs);
        if (!now.equals(previous)) {
            seed = 0;
            previous = now;
            return now;
        }
        return now + "." + encode(seed++);
    }

    private static String encode(long value) {
        StringBuilder out = new StringBuilder(8);
        do {
            out.append(ALPHABET[(int) (value % 64)]);
            value /= 64;
        } while (value > 0);
        return out.reverse().toString();
    }
}
