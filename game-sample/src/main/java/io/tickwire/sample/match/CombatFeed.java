package io.tickwire.sample.match;

import io.tickwire.engine.ecs.Archetype;
import io.tickwire.engine.ecs.Query;
import io.tickwire.engine.match.MatchContext;
import io.tickwire.engine.snapshot.PackBuffer;
import io.tickwire.sample.arena.ArenaListener;
import io.tickwire.sample.arena.Avatar;
import org.agrona.collections.IntHashSet;
import org.msgpack.core.MessagePacker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns what the systems report into critical (acked, retried) messages, each sent with
 * {@code Outbox.sendWithAck} to the players that asked for them (those who joined with a name: a move-only
 * client such as a loadtest bot would never ack and be dropped as unresponsive):
 * <ul>
 *   <li>{@code hit [attacker, victim, damage, hpLeft]} to the attacker and the victim;</li>
 *   <li>{@code kill [killer, victim]} to everyone (the kill feed);</li>
 *   <li>{@code results {round, standings: [[player, name, kills, deaths], ...]}} to everyone at a round's end,
 *       best first (most kills, then fewest deaths); with {@code final: true} when the server's shutdown ends
 *       the match instead.</li>
 * </ul>
 * Loop thread only.
 */
final class CombatFeed implements ArenaListener {
    /**
     * Per attempt; with GameServer's 2 retries a player has 15 s to ack before it is dropped as unresponsive,
     * longer than the 10 s reconnection grace, so a short disconnection never costs the seat.
     */
    static final long TIMEOUT_MS = 5000;

    private final IntHashSet listeners;
    private final Roster roster;
    private final Query avatars;
    private MatchContext ctx;
    private long nextToken = 1;

    CombatFeed(IntHashSet listeners, Roster roster, Query avatars) {
        this.listeners = listeners;
        this.roster = roster;
        this.avatars = avatars;
    }

    /** The match this feed sends through; set in {@code onCreate} before any system runs. */
    void attach(MatchContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void onHit(int attacker, int victim, int damage, int hpLeft) {
        PackBuffer b = pack(p -> p.packArrayHeader(4).packInt(attacker).packInt(victim).packInt(damage).packInt(hpLeft));
        sendTo(attacker, "hit", b);
        if (victim != attacker) {
            sendTo(victim, "hit", b);
        }
    }

    @Override
    public void onKill(int killer, int victim) {
        sendToAll("kill", pack(p -> p.packArrayHeader(2).packInt(killer).packInt(victim)));
    }

    @Override
    public void onRoundEnd(int number) {
        sendResults(number, false);
    }

    /**
     * Sends round {@code number}'s standings as they are to every listener: at a round's end, or with
     * {@code last} when the match ends before its round does (the server shuts down).
     */
    void sendResults(int number, boolean last) {
        List<int[]> standings = new ArrayList<>();
        for (int a = 0; a < avatars.archetypeCount(); a++) {
            Archetype t = avatars.archetype(a);
            for (int r = 0; r < t.size(); r++) {
                standings.add(new int[] {t.ints(Avatar.PLAYER)[r], t.ints(Avatar.KILLS)[r], t.ints(Avatar.DEATHS)[r]});
            }
        }
        standings.sort(Comparator.<int[]>comparingInt(s -> -s[1]).thenComparingInt(s -> s[2]));
        sendToAll("results", pack(p -> {
            p.packMapHeader(last ? 3 : 2).packString("round").packInt(number);
            if (last) {
                p.packString("final").packBoolean(true);
            }
            p.packString("standings");
            p.packArrayHeader(standings.size());
            for (int[] s : standings) {
                p.packArrayHeader(4).packInt(s[0]).packString(roster.name(s[0])).packInt(s[1]).packInt(s[2]);
            }
        }));
    }

    @Override
    public void onRoundStart(int number) {
        // the replicated RoundState already tells clients; nothing must be acknowledged
    }

    /** What a message's payload is: msgpack written into the match's pack buffer. */
    @FunctionalInterface
    private interface Payload {
        void writeTo(MessagePacker packer) throws IOException;
    }

    /** The match's pack buffer holding {@code payload}, finished; valid until the buffer's next use. */
    private PackBuffer pack(Payload payload) {
        PackBuffer b = ctx.packBuffer().begin();
        try {
            payload.writeTo(b.packer());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.finish();
    }

    private void sendTo(int player, String event, PackBuffer b) {
        if (listeners.contains(player)) {
            ctx.outbox().sendWithAck(player, event, b.array(), 0, b.length(), nextToken++, TIMEOUT_MS);
        }
    }

    private void sendToAll(String event, PackBuffer b) {
        for (IntHashSet.IntIterator it = listeners.iterator(); it.hasNext(); ) {
            ctx.outbox().sendWithAck(it.nextValue(), event, b.array(), 0, b.length(), nextToken++, TIMEOUT_MS);
        }
    }
}
