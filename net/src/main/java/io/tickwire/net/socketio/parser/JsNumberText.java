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

    private JsNumberText() {
    }

    /**
     * Writes finite {@code value} into {@code out} (at least {@link #BUFFER_CHARS} long) and returns the length.
     * Allocates the shortest-digits string of Jackson's Schubfach writer; integers below 2^53 do not.
     */
    static int write(double value, char[] out) {
        if (Math.abs(value) < 0x1p53 && value == Math.rint(value)) {
            return writeLong((long) value, out);
        }
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
        return place(out, DIGITS_AT, digitCount - DIGITS_AT, pointAfter, pos);
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
