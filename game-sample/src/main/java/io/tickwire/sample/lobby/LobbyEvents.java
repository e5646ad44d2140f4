package io.tickwire.sample.lobby;

import io.tickwire.net.socketio.SocketIoServer;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.Value;

import java.util.List;

/**
 * Answers {@code arenas} (acked, no arguments) on the root namespace with
 * {@code [{matchId, title, round, playing, msLeft, humans, bots, leader}, ...]} from an {@link ArenaDirectory}.
 * The lobby asks it next to GameServer's {@code list} (seats, locks) on {@code /game}.
 */
public final class LobbyEvents {
    /** The event name. */
    public static final String ARENAS = "arenas";

    private LobbyEvents() {
    }

    /** Installs the handler on {@code io}'s root namespace. Call once, before serving. */
    public static void install(SocketIoServer io, ArenaDirectory directory) {
        io.onConnection(socket -> socket.on(ARENAS, (args, ack) -> {
            if (ack != null) {
                ack.send(toValue(directory.list()));
            }
        }));
    }

    static ListValue toValue(List<ArenaStatus> arenas) {
        ListValue.Builder list = ListValue.builder(arenas.size());
        for (ArenaStatus a : arenas) {
            list.add(Value.map("matchId", a.matchId(), "title", a.title(), "round", a.round(), "playing", a.playing(),
                    "msLeft", a.msLeft(), "humans", a.humans(), "bots", a.bots(), "leader", a.leader()));
        }
        return list.build();
    }
}
