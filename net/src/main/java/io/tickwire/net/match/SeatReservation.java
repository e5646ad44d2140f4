package io.tickwire.net.match;

/**
 * The answer to {@link GameServer#reserveSeat} or {@link GameServer#reserveSeatIn}: a seat held in a match
 * for a player who connects later and claims it by presenting {@code token} (the {@code claim} request,
 * {@link GameEvents#CLAIM}), or why no seat was held. Hand the token to that player only: whoever presents
 * it takes the seat.
 *
 * @param token       the claim token, or null if refused
 * @param matchId     the match the seat is in, or null if refused
 * @param mode        the match's mode, or null if refused
 * @param expiresInMs how long the seat is held unclaimed ({@code seatReservationMs}); 0 if refused
 * @param error       null when a seat is held, else why not: "unknown mode", "no such match", "full",
 *                    "locked", "server busy", "server closed"
 */
public record SeatReservation(String token, String matchId, String mode, long expiresInMs, String error) {
    /** Whether a seat is held. */
    public boolean ok() {
        return error == null;
    }

    static SeatReservation refused(String error) {
        return new SeatReservation(null, null, null, 0, error);
    }
}
