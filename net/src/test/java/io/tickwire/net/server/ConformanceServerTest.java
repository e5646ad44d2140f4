package io.tickwire.net.server;

import io.tickwire.net.engineio.EngineIoOptions;
import io.tickwire.net.engineio.EngineIoServer;
import io.tickwire.net.testing.NodeProcess;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reference server configuration against our Node rendition of every check of the Engine.IO spec's
 * test suite (net/src/test/js/engineio-conformance.mjs): handshakes, errors, messages, heartbeat with
 * the suite's timings, close and upgrade.
 */
class ConformanceServerTest {

    @Test
    void passesEveryCheckOfTheEngineIoTestSuite() throws Exception {
        EngineIoOptions options = ConformanceServer.engineIoOptions();
        EngineIoServer engineIo = ConformanceServer.echoServer(options);
        try (HttpServer http = HttpServer.builder().port(0).ioThreads(ConformanceServer.CONFORMANCE_IO_THREADS)
                .maxRequestBodyBytes(options.maxHttpBufferSize())
                .route(HttpRoute.engineIo(engineIo)).start();
             NodeProcess suite = NodeProcess.start("net/src/test/js/engineio-conformance.mjs",
                     "http://127.0.0.1:" + http.port())) {
            String summary = suite.awaitLine(l -> l.contains("\"done\""), Duration.ofSeconds(60));
            assertEquals("{\"done\":true,\"failed\":0}", summary, suite.diagnostics());
        }
    }
}
