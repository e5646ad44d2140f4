package io.tickwire.net.socketio.parser;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The allocation-free decimal path must print exactly what the general path prints (the general path is
 * checked against Node's JSON.stringify by {@link JsonParserCompatibilityTest}).
 */
class JsNumberTextTest {

    @Test
    void theShortDecimalPathAgreesWithTheGeneralPathOnGameLikeNumbers() {
        Random random = new Random(11);
        char[] fast = new char[JsNumberText.BUFFER_CHARS];
        char[] general = new char[JsNumberText.BUFFER_CHARS];
        int fastHits = 0;
        for (int i = 0; i < 300_000; i++) {
            double scale = Math.pow(10, random.nextInt(9));
            double value = switch (i % 3) {
                case 0 -> Math.round(random.nextGaussian() * 1e6) / scale;
                case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(20) - 8);
                default -> (random.nextInt(2_000_001) - 1_000_000) / scale + random.nextInt(3) * 0.1;
            };
            int fastLength = JsNumberText.writeShortDecimal(value, fast);
            if (fastLength > 0) {
                fastHits++;
                int generalLength = JsNumberText.writeShortest(value, general);
                assertEquals(new String(general, 0, generalLength), new String(fast, 0, fastLength), "for " + value);
            }
        }
        assertTrue(fastHits > 100_000, "the fast path should serve most short decimals, served " + fastHits);
    }

    @Test
    void printsLikeJavaScript() {
        assertEquals("79.44", text(79.44));
        assertEquals("-0.5", text(-0.5));
        assertEquals("0.000001", text(1e-6));
        assertEquals("1e-7", text(1e-7));
        assertEquals("0.30000000000000004", text(0.1 + 0.2));
        assertEquals("1e+21", text(1e21));
        assertEquals("123456789.125", text(123456789.125));
        assertEquals("5e-324", text(Double.MIN_VALUE));
    }

    private static String text(double value) {
        char[] out = new char[JsNumberText.BUFFER_CHARS];
        return new String(out, 0, JsNumberText.write(value, out));
    }
}
