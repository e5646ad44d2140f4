package io.tickwire.net.socketio;

import io.tickwire.net.server.IoTransport;
import io.tickwire.net.testing.NodeProcess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The official socket.io-client 4.8 (Node) against our server, for every parser × transport: each step of
 * {@code client-matrix.mjs} must print exactly what the reference server would make it print.
 */
class SocketIoClientInteropTest {

    @ParameterizedTest(name = "{0} parser over {1}")
    @CsvSource({
            "default, polling", "default, websocket", "default, upgrade",
            "msgpack, polling", "msgpack, websocket", "msgpack, upgrade"})
    void officialClientSeesTheReferenceBehaviour(String parser, String transport) throws Exception {
        runMatrix(parser, transport, IoTransport.best());
    }

    /** The server's sockets on io_uring instead of epoll: the same wire behaviour (Linux 5.14+ only). */
    @ParameterizedTest(name = "{0} parser over {1}, io_uring")
    @CsvSource({"default, polling", "msgpack, websocket", "msgpack, upgrade"})
    void officialClientSeesTheReferenceBehaviourOverIoUring(String parser, String transport) throws Exception {
        assumeTrue(IoTransport.IO_URING.isAvailable(), () -> "io_uring: " + IoTransport.IO_URING.unavailabilityCause());
        runMatrix(parser, transport, IoTransport.IO_URING);
    }

    private static void runMatrix(String parser, String transport, IoTransport io) throws Exception {
        try (MatrixServer server = new MatrixServer(SocketIoOptions.defaults(), io);
             NodeProcess client = NodeProcess.start("net/src/test/js/socketio/client-matrix.mjs",
                     server.url(), parser, transport)) {
            Map<String, String> expected = expectedSteps(transport.equals("polling") ? "polling" : "websocket");
            Map<String, String> actual = new LinkedHashMap<>();
            while (true) {
                String line = client.awaitLine(l -> l.startsWith("{"), Duration.ofSeconds(30));
                if (line.equals("{\"done\":true}")) {
                    break;
                }
                String step = line.substring("{\"step\":\"".length(), line.indexOf("\",\""));
                actual.put(step, line);
            }
            for (Map.Entry<String, String> e : expected.entrySet()) {
                String wanted = "{\"step\":\"" + e.getKey() + "\",\"ok\":true,\"result\":" + e.getValue() + "}";
                assertEquals(wanted, actual.get(e.getKey()), () -> "step " + e.getKey() + "\n" + client.diagnostics());
            }
            assertEquals(expected.keySet(), actual.keySet());
        }
    }

    private static Map<String, String> expectedSteps(String finalTransport) {
        Map<String, String> steps = new LinkedHashMap<>();
        steps.put("connect-with-auth", "{\"connected\":true,\"idLength\":20,\"auth\":{\"token\":\"good\",\"name\":\"alice\"},"
                + "\"transport\":\"" + finalTransport + "\"}");
        steps.put("middleware-refusal", "{\"message\":\"not authorized\",\"data\":{\"code\":401}}");
        steps.put("events-both-ways-with-binary",
                "[\"hi\",42,1.5,{\"nested\":[true,null,{\"hex\":\"010203\"}]},{\"hex\":\"ff00\"}]");
        steps.put("ack-from-server", "[\"with-ack\",{\"hex\":\"07\"}]");
        steps.put("ack-from-client", "[[42,\"answered\"]]");
        steps.put("ack-from-client-times-out", "[\"operation has timed out\"]");
        steps.put("rooms-and-broadcasts", "{"
                + "\"a\":[\"io.emit\",\"io.to(r1)\",\"io.to(r1).to(r2)\"],"
                + "\"b\":[\"io.emit\",\"io.to(r1)\",\"io.to(r1).to(r2)\",\"socket.broadcast\",\"socket.to(r1)\","
                + "\"socket.except(r2)\",\"io.to(r1)\"],"
                + "\"c\":[\"io.emit\",\"io.except(r1)\",\"io.to(r1).to(r2)\",\"socket.broadcast\"]}");
        steps.put("broadcast-with-acks", "[\"from-a\",\"from-b\",\"from-c\"]");
        steps.put("volatile", "[\"volatile-ok\"]");
        steps.put("static-namespace", "\"/custom\"");
        steps.put("dynamic-namespace", "\"/dyn-42\"");
        steps.put("unknown-namespace", "{\"message\":\"Invalid namespace\"}");
        steps.put("server-disconnects-socket", "\"io server disconnect\"");
        steps.put("server-closes-connection", "\"transport close\"");
        steps.put("client-disconnects", "\"client namespace disconnect\"");
        steps.put("server-side-reasons", "{\"dave\":\"server namespace disconnect\",\"erin\":\"forced server close\"}");
        return steps;
    }
}
