package io.tickwire.sample.match;

import io.tickwire.engine.match.Delivery;
import io.tickwire.engine.match.MatchContext;
import io.tickwire.engine.snapshot.PackBuffer;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.IntHashSet;
import org.msgpack.core.MessagePacker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Who is in a match by name: humans (player id 0 or more, named by their join data) and bots (negative ids).
 * Sent to the room as {@code roster} (reliable) when it changes and every few seconds, so a player who joins
 * or reconnects learns the names soon. Loop thread only.
 */
final class Roster {
    static final String EVENT = "roster";
    static final int MAX_NAME_CHARS = 16;

    private final Int2ObjectHashMap<String> names = new Int2ObjectHashMap<>();
    private final IntHashSet bots = new IntHashSet();
    private boolean changed;

    /** A player's name from its join data (UTF-8), cleaned; "player N" when there is none. */
    static String nameFrom(ByteBuffer joinData, int playerId) {
        String raw = "";
        if (joinData != null && joinData.remaining() > 0) {
            byte[] bytes = new byte[Math.min(joinData.remaining(), 64)];
            joinData.duplicate().get(bytes);
            raw = new String(bytes, StandardCharsets.UTF_8);
        }
        StringBuilder clean = new StringBuilder();
        raw.codePoints().filter(c -> !Character.isISOControl(c) && c != '\uFFFD')
                .limit(MAX_NAME_CHARS).forEach(clean::appendCodePoint);
        String name = clean.toString().strip();
        return name.isEmpty() ? "player " + playerId : name;
    }

    void add(int playerId, String name, boolean bot) {
        names.put(playerId, name);
        if (bot) {
            bots.add(playerId);
        }
        changed = true;
    }

    void remove(int playerId) {
        names.remove(playerId);
        bots.remove(playerId);
        changed = true;
    }

    /** The name of {@code playerId}, or "?" if it is not (or no longer) here. */
    String name(int playerId) {
        String name = names.get(playerId);
        return name == null ? "?" : name;
    }

    /** Sends {@code roster [[playerId, name, isBot], ...]} to the room if it changed or {@code force}. */
    void sendIfChanged(MatchContext ctx, boolean force) {
        if (!changed && !force) {
            return;
        }
        changed = false;
        PackBuffer buffer = ctx.packBuffer().begin();
        MessagePacker p = buffer.packer();
        try {
            p.packArrayHeader(names.size());
            for (Int2ObjectHashMap<String>.EntryIterator it = names.entrySet().iterator(); it.hasNext(); ) {
                it.next();
                p.packArrayHeader(3).packInt(it.getIntKey()).packString(it.getValue())
                        .packBoolean(bots.contains(it.getIntKey()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.finish();
        ctx.outbox().broadcast(EVENT, buffer.array(), 0, buffer.length(), Delivery.RELIABLE);
    }
}
