package io.tickwire.net.match;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

/**
 * Seats reserved for players who connect later ("reserve now, connect later"): each holds a seat counted by
 * the {@link MatchMaker} until its token is claimed, it expires after {@code seatReservationMs}, or the
 * server closes; an expired or cancelled reservation gives its seat back. Any thread: a reservation is claimed
 * or expired exactly once (whoever removes it from the map).
 */
final class SeatReservations {
    /** One held seat: the matchmaking outcome and the join data given at reservation. */
    static final class Held {
        final MatchMaker.Outcome outcome;
        final byte[] joinData;
        volatile ScheduledFuture<?> expiry;

        Held(MatchMaker.Outcome outcome, byte[] joinData) {
            this.outcome = outcome;
            this.joinData = joinData;
        }

        void cancelExpiry() {
            ScheduledFuture<?> timer = expiry;
            if (timer != null) {
                timer.cancel(false);
            }
        }
    }

    private final MatchMaker matchMaker;
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    SeatReservations(MatchMaker matchMaker) {
        this.matchMaker = matchMaker;
    }

    /** Holds the seat of {@code outcome} under {@code token}; the caller then schedules {@link #expire}. */
    Held hold(String token, MatchMaker.Outcome outcome, byte[] joinData) {
        Held h = new Held(outcome, joinData);
        held.put(token, h);
        return h;
    }

    /** Takes the reservation of {@code token} for its player, or null if there is none (unknown, expired). */
    Held claim(String token) {
        Held h = held.remove(token);
        if (h != null) {
            h.cancelExpiry();
        }
        return h;
    }

    /** The reservation was not claimed in time: its seat is given back. */
    void expire(String token, Held h) {
        if (held.remove(token, h)) {
            matchMaker.release(h.outcome.match().id());
        }
    }

    /** Cancels every reservation (the server closes), giving their seats back. */
    void cancelAll() {
        held.forEach((token, h) -> {
            if (held.remove(token, h)) {
                h.cancelExpiry();
                matchMaker.release(h.outcome.match().id());
            }
        });
    }

    /** Reservations held now. */
    int size() {
        return held.size();
    }
}
