package io.tickwire.net.socketio;

import io.tickwire.net.server.ConformanceServer;
import io.tickwire.net.server.HttpRoute;
import io.tickwire.net.server.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Socket.IO packets on the wire, over raw HTTP long-polling against the spec's reference server
 * configuration ({@code ./run conformance socketio}): the checks of the spec's test suite.
 */
class SocketIoWireTest {
    private static SocketIoServer io;
    private static HttpServer http;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        io = ConformanceServer.socketIoServer();
        http = HttpServer.builder().port(0).route(HttpRoute.engineIo(io.engine())).start();
    }

    @AfterAll
    static void stop() {
        io.close();
        http.close();
    }

    @Test
    void connectsToTheMainNamespaceAndReceivesItsAuth() throws Exception {
        Session s = Session.open();
        s.post("40");
        String connect = s.next();
        assertTrue(connect.matches("40\\{\"sid\":\"[A-Za-z0-9_-]{20}\"}"), connect);
        assertEquals("42[\"auth\",{}]", s.next());
    }

    @Test
    void passesTheAuthPayloadToTheHandshake() throws Exception {
        Session s = Session.open();
        s.post("40{\"token\":\"123\"}");
        s.next();
        assertEquals("42[\"auth\",{\"token\":\"123\"}]", s.next());
    }

    @Test
    void connectsToACustomNamespace() throws Exception {
        Session s = Session.open();
        s.post("40/custom,{\"token\":\"abc\"}");
        assertTrue(s.next().startsWith("40/custom,{\"sid\":\""));
        assertEquals("42/custom,[\"auth\",{\"token\":\"abc\"}]", s.next());
    }

    @Test
    void refusesAnUnknownNamespace() throws Exception {
        Session s = Session.open();
        s.post("40/random,");
        assertEquals("44/random,{\"message\":\"Invalid namespace\"}", s.next());
    }

    @Test
    void echoesAnEventAndAnAcknowledgement() throws Exception {
        Session s = Session.connected();
        s.post("42[\"message\",1,\"2\",{\"3\":[true]}]");
        assertEquals("42[\"message-back\",1,\"2\",{\"3\":[true]}]", s.next());
        s.post("421[\"message-with-ack\",1,\"2\",{\"3\":[true]}]");
        assertEquals("431[1,\"2\",{\"3\":[true]}]", s.next());
    }

    @Test
    void echoesBinaryAttachments() throws Exception {
        Session s = Session.connected();
        s.post("451-[\"message\",{\"_placeholder\":true,\"num\":0}]\u001ebAQID");
        assertEquals("451-[\"message-back\",{\"_placeholder\":true,\"num\":0}]", s.next());
        assertEquals("bAQID", s.next());
        s.post("452-15[\"message-with-ack\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]"
                + "\u001ebAQID\u001ebBAUG");
        assertEquals("462-15[{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]", s.next());
        assertEquals("bAQID", s.next());
        assertEquals("bBAUG", s.next());
    }

    @Test
    void closesAConnectionThatJoinsNoNamespaceWithinConnectTimeout() throws Exception {
        Session s = Session.open();
        assertEquals("1", s.nextWithin(Duration.ofSeconds(3)));
    }

    @Test
    void closesAConnectionThatSendsAnInvalidPacket() throws Exception {
        Session s = Session.connected();
        s.post("4abc");
        assertEquals("1", s.next());
    }

    @Test
    void closesAConnectionThatSendsAnEventBeforeConnecting() throws Exception {
        Session s = Session.open();
        s.post("42[\"message\"]");
        assertEquals("1", s.next());
    }

    @Test
    void closesAConnectionThatNamesANamespaceLongerThanMaxNameLengthChars() throws Exception {
        Session s = Session.open();
        s.post("40/" + "n".repeat(256) + ",");
        assertEquals("1", s.next());
    }

    @Test
    void closesAConnectionThatEmitsAnEventNameLongerThanMaxNameLengthChars() throws Exception {
        Session s = Session.connected();
        s.post("42[\"" + "e".repeat(256) + "\"]");
        s.post("42[\"message\",1]");
        assertEquals("42[\"message-back\",1]", s.next(), "a name of exactly the limit is accepted");
        s.post("42[\"" + "e".repeat(257) + "\"]");
        assertEquals("1", s.next());
    }

    /** One Engine.IO polling session, answering pings on its own. */
    private static final class Session {
        private final String base;
        private final Deque<String> pending = new ArrayDeque<>();

        private Session(String sid) {
            this.base = "http://127.0.0.1:" + http.port() + "/socket.io/?EIO=4&transport=polling&sid=" + sid;
        }

        static Session open() throws Exception {
            String url = "http://127.0.0.1:" + http.port() + "/socket.io/?EIO=4&transport=polling";
            String body = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(body.startsWith("0{\"sid\":\""), body);
            return new Session(body.substring(9, body.indexOf('"', 9)));
        }

        static Session connected() throws Exception {
            Session s = open();
            s.post("40");
            s.next();
            s.next();
            return s;
        }

        void post(String payload) throws IOException, InterruptedException {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base))
                    .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
        }

        String next() throws Exception {
            return nextWithin(Duration.ofSeconds(2));
        }

        /** The next Engine.IO packet that is not a ping, as it appeared in the payload. */
        String nextWithin(Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (pending.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no packet within " + timeout);
                }
                HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base))
                        .timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    pending.add("HTTP " + r.statusCode());
                    break;
                }
                for (String packet : r.body().split("\u001e")) {
                    if (packet.equals("2")) {
                        post("3");
                    } else {
                        pending.add(packet);
                    }
                }
            }
            return pending.poll();
        }
    }
}
