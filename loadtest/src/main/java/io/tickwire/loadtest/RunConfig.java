package io.tickwire.loadtest;

import io.tickwire.net.server.IoTransport;
import io.tickwire.net.socketio.parser.ParserKind;

import java.net.URI;
import java.nio.file.Path;

/**
 * One load test run (either scenario), validated: every count and duration is bounded so a run always
 * stops by itself.
 *
 * @param url           the server, {@code http://host:port}
 * @param bots          simulated clients, 1 to {@value #MAX_BOTS}
 * @param rampPerSecond bots started per second, 1 to 10,000
 * @param durationMs    the whole run including the ramp, 1 s to 1 h
 * @param inputHz       inputs per second per bot, 0.1 to 100
 * @param actionHz      acknowledged actions per second per bot, 0 to 100
 * @param parser        the wire encoding
 * @param transport     websocket, polling, or polling upgraded to websocket
 * @param namespace     the namespace the bots join (the command defaults it per scenario)
 * @param seed          seeds the bots' timer phases, so runs are repeatable
 * @param roomSize      broadcast only: bots per room (each input fans out to this many bots), 1 to 10,000
 * @param threads       event loop threads the bots share, 1 to 64
 * @param io            the socket implementation of those event loops
 * @param jsonReport    where the JSON report goes, or null for none
 */
record RunConfig(URI url, int bots, int rampPerSecond, long durationMs, double inputHz, double actionHz,
                       ParserKind parser, TransportMode transport, String namespace, long seed, int roomSize,
                       int threads, IoTransport io, Path jsonReport) {
    static final int MAX_BOTS = 20_000;

    /** @throws IllegalArgumentException naming the option that is out of range */
    RunConfig {
        require(url != null && url.getHost() != null, "--url must be http://host:port: " + url);
        require(bots >= 1 && bots <= MAX_BOTS, "--bots must be in [1, " + MAX_BOTS + "]: " + bots);
        require(rampPerSecond >= 1 && rampPerSecond <= 10_000, "--ramp must be in [1, 10000]: " + rampPerSecond);
        require(durationMs >= 1000 && durationMs <= 3_600_000, "--duration must be in [1s, 1h]: " + durationMs + "ms");
        require(inputHz >= 0.1 && inputHz <= 100, "--input-hz must be in [0.1, 100]: " + inputHz);
        require(actionHz >= 0 && actionHz <= 100, "--action-hz must be in [0, 100]: " + actionHz);
        require(parser != null, "--parser must be json or msgpack");
        require(transport != null, "--transport must be websocket, polling or upgrade");
        require(namespace != null && namespace.startsWith("/"), "--namespace must start with /: " + namespace);
        require(roomSize >= 1 && roomSize <= 10_000, "--room-size must be in [1, 10000]: " + roomSize);
        require(threads >= 1 && threads <= 64, "--threads must be in [1, 64]: " + threads);
        require(io != null && io.isAvailable(), "--io-transport " + io + " is not available here");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
