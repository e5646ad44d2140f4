package io.tickwire.engine.match;

import java.util.Objects;

/**
 * The answer to a join attempt: accepted, or refused with a reason the client can show.
 *
 * @param accepted whether the player may join
 * @param reason why not (non-null when refused, null when accepted)
 */
public record JoinDecision(boolean accepted, String reason) {
    /** Accepted. */
    public static final JoinDecision ACCEPT = new JoinDecision(true, null);

    public JoinDecision {
        if (!accepted) {
            Objects.requireNonNull(reason, "a refusal needs a reason");
        }
    }

    /** Refused because {@code reason}. */
    public static JoinDecision refuse(String reason) {
        return new JoinDecision(false, reason);
    }
}
