package io.tickwire.net.admin;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.tickwire.net.server.HttpRoute;
import io.tickwire.net.server.HttpServer;
import io.tickwire.net.socketio.Socket;
import io.tickwire.net.socketio.SocketIoOptions;
import io.tickwire.net.socketio.SocketIoServer;
import io.tickwire.net.testing.NodeProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin UI's protocol, spoken by the official socket.io-client as the UI speaks it. */
class AdminInstrumentationTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String HASH = BCrypt.withDefaults().hashToString(4, "s3cret".toCharArray());

    private SocketIoServer io;
    private AdminInstrumentation admin;
    private HttpServer http;

    private String start(AdminOptions options) {
        io = new SocketIoServer(SocketIoOptions.defaults());
        admin = AdminInstrumentation.install(io, options);
        io.onConnection(socket -> socket.on("hello", (args, ack) -> socket.emit("welcome", args.get(0))));
        http = HttpServer.builder().port(0).routes(HttpRoute.socketIo(io)).start();
        return "http://127.0.0.1:" + http.port();
    }

    @AfterEach
    void stop() {
        http.close();
        admin.close();
        io.close();
    }

    @Test
    void wrongCredentialsAreRefusedAndRightOnesGetASessionTheFeaturesAndEverySocket() throws Exception {
        String url = start(AdminOptions.basicAuth("admin", HASH));
        try (NodeProcess player = NodeProcess.start("net/src/test/js/admin/plain-client.mjs", url)) {
            // the UI asks for every socket once, as it connects: the player must be connected before
            String playerId = id(player.awaitLine(l -> l.contains("\"ev\":\"connect\""), WAIT));
            try (NodeProcess intruder = NodeProcess.start("net/src/test/js/admin/admin-client.mjs", url, "admin", "guess");
                 NodeProcess ui = NodeProcess.start("net/src/test/js/admin/admin-client.mjs", url, "admin", "s3cret")) {
                assertTrue(intruder.awaitLine(l -> l.contains("connect"), WAIT).contains("\"message\":\"invalid credentials\""));

                ui.awaitLine(l -> l.matches("\\{\"ev\":\"session\",\"id\":\"[0-9a-f]{16}\"}"), WAIT);
                String config = ui.awaitLine(l -> l.contains("\"ev\":\"config\""), WAIT);
                assertTrue(config.contains("\"supportedFeatures\":[\"EMIT\",\"JOIN\",\"LEAVE\",\"DISCONNECT\",\"MJOIN\","
                        + "\"MLEAVE\",\"MDISCONNECT\",\"AGGREGATED_EVENTS\",\"ALL_EVENTS\"]"), config);
                String all = ui.awaitLine(l -> l.contains("\"ev\":\"all_sockets\""), WAIT);
                assertTrue(all.contains("\"id\":\"" + playerId + "\"") && all.contains("\"nsp\":\"/\"")
                        && all.contains("\"transport\":\"websocket\"") && all.contains("\"address\":\"127.0.0.1\""), all);
                String stats = ui.awaitLine(l -> l.contains("\"ev\":\"server_stats\"") && l.contains("\"clientsCount\":2"), WAIT);
                assertTrue(stats.contains("{\"name\":\"/\",\"socketsCount\":1}") || stats.contains("\"socketsCount\":1,\"name\":\"/\""),
                        stats);
                assertTrue(stats.contains("\"pollingClientsCount\":0") && stats.contains("\"aggregatedEvents\":["), stats);
            }
        }
    }

    @Test
    void theUisActionsReachTheSocketsAndDevelopmentEventsReachTheUi() throws Exception {
        String url = start(AdminOptions.noAuth());
        try (NodeProcess ui = NodeProcess.start("net/src/test/js/admin/admin-client.mjs", url, "-", "-")) {
            ui.awaitLine(l -> l.contains("\"ev\":\"config\""), WAIT);
            try (NodeProcess player = NodeProcess.start("net/src/test/js/admin/plain-client.mjs", url)) {
                watchedBy(ui, player);       // the player connects once the UI listens, so it sees socket_connected
            }
        }
    }

    @Test
    void aTransportUpgradeAndAChangeOfDataReachTheUiAsSocketUpdates() throws Exception {
        String url = start(AdminOptions.noAuth());
        try (NodeProcess ui = NodeProcess.start("net/src/test/js/admin/admin-client.mjs", url, "-", "-")) {
            ui.awaitLine(l -> l.contains("\"ev\":\"config\""), WAIT);
            try (NodeProcess player = NodeProcess.start("net/src/test/js/admin/plain-client.mjs", url, "upgrade")) {
                String playerId = id(player.awaitLine(l -> l.contains("\"ev\":\"connect\""), WAIT));
                String connected = ui.awaitLine(l -> l.contains("\"ev\":\"socket_connected\"") && l.contains(playerId), WAIT);
                assertTrue(connected.contains("\"transport\":\"polling\""), connected);
                String updated = ui.awaitLine(l -> l.contains("\"ev\":\"socket_updated\"") && l.contains(playerId), WAIT);
                assertTrue(updated.contains("\"transport\":\"websocket\"") && updated.contains("\"nsp\":\"/\""), updated);

                Socket socket = io.of("/").socket(playerId);
                socket.data().put("score", 42);
                admin.dataChanged(socket);
                String data = ui.awaitLine(l -> l.contains("\"ev\":\"socket_updated\"") && l.contains("\"data\""), WAIT);
                assertTrue(data.contains(playerId) && data.contains("\"score\":42"), data);
            }
        }
    }

    /** The UI sees the player's events, rooms and disconnection, and its actions reach the player. */
    private static void watchedBy(NodeProcess ui, NodeProcess player) throws Exception {
        String playerId = id(player.awaitLine(l -> l.contains("\"ev\":\"connect\""), WAIT));
        ui.awaitLine(l -> l.contains("\"ev\":\"socket_connected\"") && l.contains(playerId), WAIT);

        player.send("hello there");
        ui.awaitLine(l -> l.startsWith("{\"ev\":\"event_received\",\"args\":[\"/\",\"" + playerId + "\",[\"hello\",\"there\"],"), WAIT);
        ui.awaitLine(l -> l.startsWith("{\"ev\":\"event_sent\",\"args\":[\"/\",\"" + playerId + "\",[\"welcome\",\"there\"],"), WAIT);

        ui.send("join / lobby " + playerId);
        ui.awaitLine(l -> l.startsWith("{\"ev\":\"room_joined\",\"args\":[\"/\",\"lobby\",\"" + playerId + "\""), WAIT);
        ui.send("emit / lobby news extra");
        player.awaitLine("{\"ev\":\"event\",\"name\":\"news\",\"args\":[\"extra\"]}", WAIT);
        ui.send("leave / lobby " + playerId);
        ui.awaitLine(l -> l.startsWith("{\"ev\":\"room_left\",\"args\":[\"/\",\"lobby\",\"" + playerId + "\""), WAIT);

        ui.send("disconnect / " + playerId);
        player.awaitLine("{\"ev\":\"disconnect\",\"reason\":\"io server disconnect\"}", WAIT);
        ui.awaitLine(l -> l.startsWith("{\"ev\":\"socket_disconnected\",\"args\":[\"/\",\"" + playerId
                + "\",\"server namespace disconnect\""), WAIT);
    }

    @Test
    void aReadOnlyUiMayLookButNotAct() throws Exception {
        String url = start(AdminOptions.noAuth().withReadOnly(true).withDevelopment(false));
        try (NodeProcess player = NodeProcess.start("net/src/test/js/admin/plain-client.mjs", url);
             NodeProcess ui = NodeProcess.start("net/src/test/js/admin/admin-client.mjs", url, "-", "-")) {
            String playerId = id(player.awaitLine(l -> l.contains("\"ev\":\"connect\""), WAIT));
            String config = ui.awaitLine(l -> l.contains("\"ev\":\"config\""), WAIT);
            assertTrue(config.contains("\"supportedFeatures\":[\"AGGREGATED_EVENTS\"]"), config);
            ui.send("disconnect / " + playerId);
            ui.awaitLine(l -> l.contains("\"ev\":\"server_stats\""), WAIT);
            player.send("hello still-here");
            player.awaitLine("{\"ev\":\"event\",\"name\":\"welcome\",\"args\":[\"still-here\"]}", WAIT);
        }
    }

    private static String id(String connectLine) {
        return connectLine.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }
}
