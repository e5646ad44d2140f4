package io.tickwire.net.match;

import io.tickwire.net.testing.NodeProcess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.tickwire.net.match.GameHarness.await;
import static io.tickwire.net.match.GameHarness.number;
import static io.tickwire.net.match.GameHarness.request;
import static io.tickwire.net.match.GameHarness.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A match played over HTTP long-polling only (socket.io-client with {@code transports: ["polling"]}): the
 * state, inputs and acks of the game protocol do not depend on WebSocket.
 */
class PollingMatchTest {

    @ParameterizedTest(name = "{0} parser")
    @ValueSource(strings = {"msgpack", "default"})
    void playersOnPollingJoinSendInputsReceiveDeltaStateAndGetActionsAcked(String parser) throws Exception {
        try (GameHarness h = new GameHarness()) {
            NodeProcess ann = h.player("ann", parser, "polling");
            NodeProcess bob = h.player("bob", parser, "polling");
            String annJoined = request(ann, "joinOrCreate duel");
            String bobJoined = request(bob, "join " + text(annJoined, "matchId"));
            assertTrue(bobJoined.contains("\"ok\":true"), bobJoined);

            ann.send("input 1 20");
            ann.send("input 2 3");
            String bobState = await(bob, "state", l -> l.contains("\"counter\":23"));
            String annState = await(ann, "state", l -> l.contains("\"counter\":23"));
            assertEquals(2, GameHarness.lastInput(annState, number(annJoined, "playerId")), annState);
            assertTrue(number(bobState, "tick") > 0, bobState);

            ann.send("input 3 0");                             // reports the tick ann holds: deltas follow
            await(ann, "state", l -> number(l, "base") >= 0);

            String reply = request(bob, "action 1");
            assertTrue(reply.contains("\"ok\":true") && reply.contains("\"result\":[0,0,0,23]"), reply);
            for (NodeProcess p : new NodeProcess[] {ann, bob}) {
                p.send("transport");
                assertTrue(await(p, "transport", l -> true).contains("\"transport\":\"polling\""), "never upgraded");
            }
        }
    }
}
