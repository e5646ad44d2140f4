package io.tickwire.net.launch;

import io.tickwire.engine.match.AckStatus;
import io.tickwire.engine.match.Inputs;
import io.tickwire.engine.match.LeaveReason;
import io.tickwire.engine.match.Match;
import io.tickwire.engine.match.MatchContext;
import io.tickwire.engine.match.MatchOptions;
import io.tickwire.net.match.GameMode;
import io.tickwire.net.match.GameServer;
import io.tickwire.net.match.InputRules;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A server process for {@link GracefulShutdownTest}: mode {@code drain}, whose match sends each joining player a
 * critical {@code "final"} message (acked within 8 s) and prints every ack outcome as {@code ack STATUS}.
 * Prints {@code port N} once listening. Any server flag works ({@code --port 0 --drain-timeout 5s}).
 */
public final class DrainTestServer {
    private DrainTestServer() {
    }

    private static final class FinalMessageGame implements Match {
        private final List<Integer> joined = new ArrayList<>();

        @Override
        public void onJoin(MatchContext ctx, int playerId) {
            joined.add(playerId);       // seated in the room once the join is answered: send on the next tick
        }

        @Override
        public void onLeave(MatchContext ctx, int playerId, LeaveReason reason) {
        }

        @Override
        public void onTick(MatchContext ctx, Inputs inputs) {
            for (int playerId : joined) {
                ctx.outbox().sendWithAck(playerId, "final", new byte[] {42}, 0, 1, 1, 8_000);
            }
            joined.clear();
        }

        @Override
        public void onAck(MatchContext ctx, int playerId, long ackToken, AckStatus status, ByteBuffer reply) {
            System.out.println("ack " + status);
        }
    }

    public static void main(String[] args) {
        Launcher launcher = new Launcher("DrainTestServer", "a game whose match sends a final critical message", List.of());
        TickwireServer server = TickwireServer.main(launcher, args, config -> io -> GameServer.builder(io)
                .mode(new GameMode("drain", MatchOptions.builder().maxPlayers(4).build(), FinalMessageGame::new,
                        InputRules.fixedSize(4))));
        if (server != null) {
            System.out.println("port " + server.port());
        }
    }
}
