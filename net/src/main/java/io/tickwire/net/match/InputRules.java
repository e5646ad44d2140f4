package io.tickwire.net.match;

import java.util.Objects;

/**
 * What a game declares about its input payloads, checked on the connection's event loop before an input
 * is published: a payload outside {@code [minBytes, maxBytes]} or refused by {@code validator} is dropped
 * and counted ({@link GameServer#invalidInputs()}), never reaching the match.
 *
 * @param minBytes  shortest valid payload; default 0
 * @param maxBytes  longest valid payload; at most the input ring's {@code maxPayloadBytes}; default 256
 * @param validator further checks of the bytes; default {@link InputValidator#ANY}
 */
public record InputRules(int minBytes, int maxBytes, InputValidator validator) {
    public InputRules {
        if (minBytes < 0) {
            throw new IllegalArgumentException("minBytes must be >= 0, got " + minBytes);
        }
        if (maxBytes < minBytes) {
            throw new IllegalArgumentException("maxBytes must be >= minBytes (" + minBytes + "), got " + maxBytes);
        }
        Objects.requireNonNull(validator, "validator");
    }

    /** Any payload of 0 to 256 bytes. */
    public static InputRules defaults() {
        return new InputRules(0, 256, InputValidator.ANY);
    }

    /** Payloads of exactly {@code bytes} bytes (a fixed-layout input such as two floats). */
    public static InputRules fixedSize(int bytes) {
        return new InputRules(bytes, bytes, InputValidator.ANY);
    }

    /** These rules with {@code validator} added. */
    public InputRules validatedBy(InputValidator validator) {
        return new InputRules(minBytes, maxBytes, validator);
    }
}
