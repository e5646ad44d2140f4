package io.tickwire.net.socketio.parser;

import com.fasterxml.jackson.core.io.NumberOutput;

/**
 * Writes a double the way JavaScript's {@code Number.prototype.toString} (hence {@code JSON.stringify})
 * does: the shortest digits that round-trip, positioned by ECMA-262's rules ({@code 1e21}, {@code 1e-7},
 * {@code 0.000001}, {@code 100}), so our JSON is byte-identical to socket.io-parser's. Non-finite values
 * are not numbers in JSON; callers write {@code null} for them, as {@code JSON.stringify} does.
 */
final class JsNumberText {
    /** Size of the buffer {@link #write} needs: the text (at most 25 chars) and a digit scratch area. */
    static final int BUFFER_CHARS = 64;
    private static final int DIGITS_AT = 40;
    private static final int MAX_FAST_FRACTION_DIGITS = 8;
    private static final double[] POWERS_OF_TEN = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};

    private JsNumberText() {
    }

    /**
     * Writes finite {@code value} into {@code out} (at least {@link #BUFFER_CHARS} long) and returns the length.
     * Integers below 2^53 and decimals of up to 8 fraction digits allocate nothing; other values allocate
     * the digit string of Jackson's Schubfach writer.
     */
    static int write(double value, char[] out) {
        if (Math.abs(value) < 0x1p53 && value == Math.rint(value)) {
            return writeLong((long) value, out);
        }
        int written = writeShortDecimal(value, out);
        return written > 0 ? written : writeShortest(value, out);
    }

    /**
     * The allocation-free path for what games mostly send (79.44, -0.5, 12.125): the fewest fraction
     * digits f <= 8 such that m / 10^f == value for the integer m nearest to value * 10^f. With |m| < 2^50
     * the decimal grid is at least 4 ulps wide, so at most one grid point rounds to {@code value} and the
     * product's rounding cannot pick the wrong one: the result is the shortest round-trip text, as
     * ECMA-262 requires. Returns 0 when no f works (then the general path runs).
     */
    static int writeShortDecimal(double value, char[] out) {
        double magnitude = Math.abs(value);
        if (!(magnitude >= 1e-6) || magnitude >= 0x1p50 || magnitude == Math.rint(magnitude)) {
            return 0;
        }
        for (int f = 1; f <= MAX_FAST_FRACTION_DIGITS; f++) {
            double scaled = magnitude * POWERS_OF_TEN[f];
            if (scaled >= 0x1p50) {
                return 0;
            }
            long m = Math.round(scaled);
            if (m / POWERS_OF_TEN[f] == magnitude) {
                int pos = 0;
                if (value < 0) {
                    out[pos++] = '-';
                }
                long unit = (long) POWERS_OF_TEN[f];
                pos = writeLong(m / unit, out, pos);
                out[pos++] = '.';
                long fraction = m % unit;
                for (long digit = unit / 10; digit > 0; digit /= 10) {
                    out[pos++] = (char) ('0' + fraction / digit % 10);
                }
                while (out[pos - 1] == '0') {
                    pos--;
                }
                return pos;
            }
        }
        return 0;
    }

    /** The general path: Jackson's Schubfach digits (allocates their String), placed by ECMA-262. */
    static int writeShortest(double value, char[] out) {
        String java = NumberOutput.toString(value, true);
        int pos = 0;
        int i = 0;
        if (java.charAt(0) == '-') {
            out[pos++] = '-';
            i = 1;
        }
        char[] digits = out;
        int digitCount = DIGITS_AT;
        int pointAfter = 0;
        boolean seenPoint = false;
        int exponentAt = java.indexOf('E');
        int mantissaEnd = exponentAt < 0 ? java.length() : exponentAt;
        for (; i < mantissaEnd; i++) {
            char c = java.charAt(i);
            if (c == '.') {
                seenPoint = true;
            } else if (digitCount == DIGITS_AT && c == '0') {
                if (seenPoint) {
                    pointAfter--;
                }
            } else {
                digits[digitCount++] = c;
                if (!seenPoint) {
                    pointAfter++;
                }
            }
        }
        while (digitCount > DIGITS_AT && digits[digitCount - 1] == '0') {
            digitCount--;
        }
        if (exponentAt >= 0) {
            pointAfter += Integer.parseInt(java, exponentAt + 1, java.length(), 10);
        }
        if (digitCount - DIGITS_AT == 2 && Math.abs(value) < Double.MIN_NORMAL) {
            digitCount = shortenSubnormal(Math.abs(value), out, pointAfter);
            pointAfter = digitCount < 0 ? pointAfter + 1 : pointAfter;
            digitCount = Math.abs(digitCount);
        }
        return place(out, DIGITS_AT, digitCount - DIGITS_AT, pointAfter, pos);
    }

    /**
     * Java's Schubfach prints at least two digits where one would round-trip, which only differs from
     * JavaScript for subnormals (Double.MIN_VALUE is 4.9E-324 in Java, 5e-324 in JavaScript). Tries the
     * one-digit neighbours, nearest first, as ECMA-262 picks the closest of the shortest; returns the new
     * end of the digits, negated when rounding up carried (9.x to 10). Rare path: it may allocate.
     */
    private static int shortenSubnormal(double magnitude, char[] out, int pointAfter) {
        int twoDigits = (out[DIGITS_AT] - '0') * 10 + (out[DIGITS_AT + 1] - '0');
        int down = twoDigits / 10;
        int[] candidates = twoDigits % 10 >= 5 ? new int[] {down + 1, down} : new int[] {down, down + 1};
        for (int candidate : candidates) {
            boolean carried = candidate == 10;
            int digit = carried ? 1 : candidate;
            int exponent = pointAfter - (carried ? 0 : 1);
            if (digit > 0 && Double.parseDouble(digit + "e" + exponent) == magnitude) {
                out[DIGITS_AT] = (char) ('0' + digit);
                return carried ? -(DIGITS_AT + 1) : DIGITS_AT + 1;
            }
        }
        return DIGITS_AT + 2;
    }

    /** ECMA-262 Number::toString with k digits at {@code out[d..]} and n = pointAfter; returns the end. */
    private static int place(char[] out, int d, int k, int n, int pos) {
        if (k <= n && n <= 21) {
            System.arraycopy(out, d, out, pos, k);
            pos += k;
            for (int z = k; z < n; z++) {
                out[pos++] = '0';
            }
        } else if (0 < n && n <= 21) {
            System.arraycopy(out, d, out, pos, n);
            pos += n;
            out[pos++] = '.';
            System.arraycopy(out, d + n, out, pos, k - n);
            pos += k - n;
        } else if (-6 < n && n <= 0) {
            out[pos++] = '0';
            out[pos++] = '.';
            for (int z = n; z < 0; z++) {
                out[pos++] = '0';
            }
            System.arraycopy(out, d, out, pos, k);
            pos += k;
        } else {
            out[pos++] = out[d];
            if (k > 1) {
                out[pos++] = '.';
                System.arraycopy(out, d + 1, out, pos, k - 1);
                pos += k - 1;
            }
            out[pos++] = 'e';
            int exponent = n - 1;
            out[pos++] = exponent < 0 ? '-' : '+';
            pos = writeLong(Math.abs(exponent), out, pos);
        }
        return pos;
    }

    private static int writeLong(long value, char[] out) {
        int pos = 0;
        if (value < 0) {
            out[pos++] = '-';
            value = -value;
        }
        return writeLong(value, out, pos);
    }

    private static int writeLong(long nonNegative, char[] out, int pos) {
        int start = pos;
        do {
            out[pos++] = (char) ('0' + nonNegative % 10);
            nonNegative /= 10;
        } while (nonNegative != 0);
        for (int a = start, b = pos - 1; a < b; a++, b--) {
            char t = out[a];
            out[a] = out[b];
            out[b] = t;
        }
        return pos;
    }
}
