package io.tickwire.net.match;

import java.nio.ByteBuffer;

/**
 * Decides whether one input payload is well formed for a game, before it is published to the match: a
 * rejected payload is dropped and counted and never reaches game code. Runs on the connection's event loop;
 * must not block, keep a reference to {@code payload} or change it.
 */
@FunctionalInterface
public interface InputValidator {
    /** Accepts everything (the byte bounds of {@link InputRules} still apply). */
    InputValidator ANY = payload -> true;

    /** @param payload the input's bytes, position 0 to limit (borrowed for this call) */
    boolean accepts(ByteBuffer payload);
}
