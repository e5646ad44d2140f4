package io.tickwire.net.testing;

import io.tickwire.engine.match.Inputs;
import io.tickwire.engine.match.LeaveReason;
import io.tickwire.engine.match.Match;
import io.tickwire.engine.match.MatchContext;

/** A game that does nothing: for tests of what the server does around a match (metrics, TLS, launch). */
public final class IdleMatch implements Match {
    @Override
    public void onJoin(MatchContext ctx, int playerId) {
    }

    @Override
    public void onLeave(MatchContext ctx, int playerId, LeaveReason reason) {
    }

    @Override
    public void onTick(MatchContext ctx, Inputs inputs) {
    }
}
