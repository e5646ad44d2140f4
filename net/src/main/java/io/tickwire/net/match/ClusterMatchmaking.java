package io.tickwire.net.match;

import io.tickwire.net.socketio.Ack;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.MapValue;
import io.tickwire.net.socketio.parser.Value;

import java.util.List;
import java.util.Map;

/**
 * {@code joinOrCreate}, {@code join} and {@code list} when the {@link MatchDirectory} is clustered: the
 * directory is read first (asynchronously), a match hosted here is joined through the {@link MatchMaker},
 * and for a match hosted elsewhere the client is answered
 * {@code {ok: false, error: "on another node", matchId, node, url}} so that it connects to {@code url} and
 * sends {@code join {matchId}} there. Decisions are taken back on the socket's event loop.
 */
final class ClusterMatchmaking {
    static final String ELSEWHERE = "on another node";

    private final GameServer server;
    private final PlayerConnection conn;

    ClusterMatchmaking(GameServer server, PlayerConnection conn) {
        this.server = server;
        this.conn = conn;
    }

    /** Joins the first match of {@code mode} that takes a player on any node, or creates one here. */
    void joinOrCreate(String mode, Map<String, String> filters, byte[] joinData, Ack ack) {
        Map<String, String> wanted = new java.util.HashMap<>(filters);
        wanted.put("mode", mode);
        withDirectory(ack, matches -> {
            for (MatchListing m : matches) {
                if (!m.takes(wanted)) {
                    continue;
                }
                if (!m.nodeId().equals(server.directory().nodeId())) {
                    ack.send(elsewhere(m));
                    return;
                }
                MatchMaker.Outcome outcome = server.matchMaker().join(m.matchId());
                if (outcome.error() == null) {
                    seat(outcome, joinData, ack);
                    return;
                }
            }
            seat(server.matchMaker().joinOrCreate(mode, filters), joinData, ack);
        });
    }

    /** Joins {@code matchId} here, or sends the client to the node hosting it. */
    void join(String matchId, byte[] joinData, Ack ack) {
        MatchMaker.Outcome local = server.matchMaker().join(matchId);
        if (local.error() == null || !local.error().equals("no such match")) {
            seat(local, joinData, ack);
            return;
        }
        withDirectory(ack, matches -> {
            for (MatchListing m : matches) {
                if (m.matchId().equals(matchId) && !m.nodeId().equals(server.directory().nodeId())) {
                    ack.send(elsewhere(m));
                    return;
                }
            }
            ack.send(GameServer.error("no such match"));
        });
    }

    /** Every node's matches of {@code mode} (any when null) whose labels contain {@code filters}. */
    void list(String mode, Map<String, String> filters, Ack ack) {
        withDirectory(ack, matches -> {
            ListValue.Builder found = ListValue.builder();
            for (MatchListing m : matches) {
                if ((mode == null || m.mode().equals(mode)) && m.labels().entrySet().containsAll(filters.entrySet())) {
                    found.add(Value.map("matchId", m.matchId(), "mode", m.mode(), "players", m.players(),
                            "maxPlayers", m.maxPlayers(), "locked", m.locked(), "labels", m.labels(),
                            "node", m.nodeId(), "url", m.nodeUrl()));
                }
            }
            ack.send(Value.map("ok", true, "matches", found.build()));
        });
    }

    private void seat(MatchMaker.Outcome outcome, byte[] joinData, Ack ack) {
        if (outcome.error() != null) {
            ack.send(GameServer.error(outcome.error()));
        } else {
            server.seatPlayer(outcome, conn, joinData, ack);
            server.directory().refresh();
        }
    }

    private void withDirectory(Ack ack, java.util.function.Consumer<List<MatchListing>> then) {
        server.directory().list().whenComplete((matches, error) -> conn.socket().eventLoop().execute(() -> {
            if (error != null) {
                ack.send(GameServer.error("match directory unavailable"));
            } else {
                then.accept(matches);
            }
        }));
    }

    private static MapValue elsewhere(MatchListing m) {
        return Value.map("ok", false, "error", ELSEWHERE, "matchId", m.matchId(), "node", m.nodeId(),
                "url", m.nodeUrl());
    }
}
