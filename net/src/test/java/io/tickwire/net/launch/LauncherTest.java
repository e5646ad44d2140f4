package io.tickwire.net.launch;

import io.tickwire.net.server.IoTransport;
import io.tickwire.net.socketio.EventRateLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where each server option comes from, and how a wrong one is reported. */
class LauncherTest {
    private static final Launcher LAUNCHER = new Launcher("./run", "a test server",
            List.of(LaunchOption.of("arena.fill", "--fill", "N", "bots per arena")));

    @TempDir
    Path dir;

    private static ServerSettings settings(Map<String, String> env, String... args) {
        return ServerSettings.from(LAUNCHER.parse(args, env).config());
    }

    @Test
    void withNothingGivenEveryOptionHasTheReferenceDefault() {
        ServerSettings s = settings(Map.of());
        assertEquals("127.0.0.1", s.host());
        assertEquals(3000, s.port());
        assertEquals(25_000, s.socketIo().engine().pingIntervalMs());
        assertEquals(45_000, s.socketIo().connectTimeoutMs());
        assertEquals("/game", s.game().namespace());
        assertEquals(Duration.ofSeconds(10), s.drainTimeout());
        assertNull(s.tls());
        assertTrue(s.metrics());
        assertFalse(s.admin().enabled());
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFileWhichBeatsTheDefaults() throws Exception {
        Path file = dir.resolve("server.conf");
        Files.writeString(file, "tickwire { server { port = 4001, host = \"0.0.0.0\" }\n"
                + "  engine.ping-interval = 5s\n  game.inputs-per-second = 30 }\n");
        Map<String, String> env = Map.of("TICKWIRE_CONFIG", file.toString(),
                "TICKWIRE_SERVER_PORT", "4002", "TICKWIRE_GAME_INPUTS_PER_SECOND", "20");
        ServerSettings s = settings(env, "--port", "4003");
        assertEquals(4003, s.port(), "the flag wins");
        assertEquals(20, s.game().inputsPerSecond(), "the environment beats the file");
        assertEquals("0.0.0.0", s.host(), "the file beats the default");
        assertEquals(5_000, s.socketIo().engine().pingIntervalMs(), "durations are HOCON durations");
        assertEquals(4002, settings(env).port(), "without the flag the environment wins");
    }

    @Test
    void portAlsoComesFromPortButTheTickwireVariableWins() {
        assertEquals(4100, settings(Map.of("PORT", "4100")).port());
        assertEquals(4200, settings(Map.of("PORT", "4100", "TICKWIRE_SERVER_PORT", "4200")).port());
    }

    @Test
    void togglesAndListsReadAsUsersWriteThem() {
        ServerSettings s = settings(Map.of(), "--per-message-deflate", "--serve-client=false", "--transports",
                "websocket", "--cors-origins", "https://a.example, https://b.example", "--recovery", "2m");
        assertTrue(s.socketIo().engine().perMessageDeflate());
        assertFalse(s.socketIo().serveClient());
        assertEquals(List.of("websocket"), List.copyOf(s.socketIo().engine().transports()));
        assertTrue(s.socketIo().engine().cors() != null);
        assertEquals(120_000, s.socketIo().recovery().maxDisconnectionDurationMs());
    }

    @Test
    void theHardeningLimitsAreOptionsToo() {
        ServerSettings defaults = settings(Map.of());
        assertEquals(16_384, defaults.maxHeaderBytes());
        assertEquals(Integer.MAX_VALUE, defaults.socketIo().engine().maxConnections(), "0 in the file: unlimited");
        assertEquals(16 * 1024 * 1024, defaults.socketIo().engine().maxWriteBufferBytes());
        assertNull(defaults.socketIo().eventRateLimit(), "no event rate limit unless one is set");

        ServerSettings s = settings(Map.of("TICKWIRE_SOCKETIO_EVENT_RATE", "50"), "--max-connections", "5000",
                "--max-handshakes-per-ip", "20", "--max-write-buffer-bytes", "65536", "--max-header-bytes", "8192",
                "--max-name-length", "64", "--event-burst", "10", "--event-flood-drops-per-second", "30");
        assertEquals(5000, s.socketIo().engine().maxConnections());
        assertEquals(20, s.socketIo().engine().maxHandshakesPerIpPerSecond());
        assertEquals(65_536, s.socketIo().engine().maxWriteBufferBytes());
        assertEquals(8192, s.maxHeaderBytes());
        assertEquals(64, s.socketIo().parser().maxNameLengthChars());
        assertEquals(new EventRateLimit(50, 10, 30), s.socketIo().eventRateLimit());
    }

    @Test
    void theSocketImplementationIsChosenByName() {
        assertEquals(IoTransport.best(), settings(Map.of()).ioTransport(), "auto: epoll where it loads, else nio");
        assertEquals(IoTransport.NIO, settings(Map.of(), "--io-transport", "NIO").ioTransport());
        assertEquals(IoTransport.NIO, settings(Map.of("TICKWIRE_SERVER_IO_TRANSPORT", "nio")).ioTransport());
        if (IoTransport.IO_URING.isAvailable()) {
            assertEquals(IoTransport.IO_URING, settings(Map.of(), "--io-transport", "io_uring").ioTransport());
        }
        assertMessage("tickwire.server.io-transport (--io-transport, TICKWIRE_SERVER_IO_TRANSPORT): unknown I/O "
                + "transport 'kqueue' (auto, epoll, io_uring, nio)", "--io-transport", "kqueue");
    }

    @Test
    void theApplicationsOwnOptionsAreReadTheSameWay() {
        Launcher.Parsed parsed = LAUNCHER.parse(new String[] {"--fill", "7"}, Map.of());
        assertEquals(7, parsed.config().integer("arena.fill"));
        assertEquals(9, LAUNCHER.parse(new String[0], Map.of("ARENA_FILL", "9")).config().integer("arena.fill"));
    }

    @Test
    void errorsNameTheOptionItsFlagAndItsVariable() {
        assertMessage("tickwire.server.port (--port, TICKWIRE_SERVER_PORT): cannot be 'abc'", "--port", "abc");
        assertMessage("tickwire.server.port (--port, TICKWIRE_SERVER_PORT): must be 0..65535, was 70000",
                "--port", "70000");
        assertMessage("tickwire.engine.ping-interval (--ping-interval, TICKWIRE_ENGINE_PING_INTERVAL): cannot be 'soon'",
                "--ping-interval", "soon");
        assertMessage("tickwire.engine.transports (--transports, TICKWIRE_ENGINE_TRANSPORTS): unknown transport 'carrier-pigeon'",
                "--transports", "polling,carrier-pigeon");
        assertMessage("tickwire.admin.password-hash (--admin-password-hash, TICKWIRE_ADMIN_PASSWORD_HASH): is required",
                "--admin");
        assertMessage("tickwire.admin.mode (--admin-mode, TICKWIRE_ADMIN_MODE): must be development or production",
                "--admin-mode", "chaos");
        assertMessage("tickwire.tls.certificate (--tls-certificate, TICKWIRE_TLS_CERTIFICATE): no readable file /nope.pem",
                "--tls-certificate", "/nope.pem", "--tls-private-key", "/nope.key");
        assertMessage("tickwire.config (--config, TICKWIRE_CONFIG): no such file /nope.conf", "--config", "/nope.conf");
        assertMessage("Unknown options: '--prot', '3001' (try --help)", "--prot", "3001");
        assertMessage("Missing required parameter for option '--port'", "--port");
    }

    @Test
    void theLogLevelIsReadInAnyCaseAndKnowsWhetherItWasGiven() {
        LaunchConfig defaults = LAUNCHER.parse(new String[0], Map.of()).config();
        assertEquals("info", LogLevel.of(defaults));
        assertFalse(defaults.isGiven(LogLevel.PATH), "the default gives way to -Dorg.slf4j.simpleLogger.defaultLogLevel");
        LaunchConfig fromEnv = LAUNCHER.parse(new String[0], Map.of("TICKWIRE_LOG_LEVEL", "DEBUG")).config();
        assertEquals("debug", LogLevel.of(fromEnv));
        assertTrue(fromEnv.isGiven(LogLevel.PATH));
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> LogLevel.of(LAUNCHER.parse(new String[] {"--log-level", "verbose"}, Map.of()).config()));
        assertEquals("tickwire.log.level (--log-level, TICKWIRE_LOG_LEVEL): must be one of trace, debug, info, warn, "
                + "error, off, was 'verbose'", e.getMessage());
    }

    @Test
    void aBrokenConfigFileIsReportedWithItsLine() throws Exception {
        Path file = dir.resolve("broken.conf");
        Files.writeString(file, "tickwire {\n  server { port = \n");
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> settings(Map.of(), "--config", file.toString()));
        assertTrue(e.getMessage().startsWith("tickwire.config (--config, TICKWIRE_CONFIG): ") && e.getMessage().contains("broken.conf: 3: "),
                e.getMessage());
    }

    @Test
    void helpListsEveryOptionWithItsDefaultAndVariable() {
        Launcher.Parsed parsed = LAUNCHER.parse(new String[] {"--help"}, Map.of());
        assertTrue(parsed.isHelp());
        String help = parsed.help();
        for (LaunchOption option : ServerOptions.ALL) {
            assertTrue(help.contains(option.flag()), option.flag() + " is listed");
            assertTrue(help.contains(option.env()), option.env() + " is listed");
        }
        assertTrue(help.contains("--fill=N"), help);
        assertTrue(help.contains("(default: 3000) [TICKWIRE_SERVER_PORT, PORT]"), help);
        assertTrue(help.contains("(default: 25s)"), help);
    }

    private static void assertMessage(String expectedStart, String... args) {
        InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> settings(Map.of(), args));
        assertTrue(e.getMessage().startsWith(expectedStart), "expected '" + expectedStart + "...', got: " + e.getMessage());
    }
}
