package io.tickwire.net.launch;

import io.tickwire.engine.match.MatchOptions;
import io.tickwire.net.match.GameMode;
import io.tickwire.net.match.GameServer;
import io.tickwire.net.match.InputRules;
import io.tickwire.net.testing.IdleMatch;
import io.tickwire.net.testing.NodeProcess;
import io.tickwire.net.testing.TestCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** https and wss with a self-signed certificate made for the test by the JDK's keytool. */
class TlsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void theOfficialClientConnectsOverHttpsAndWss() throws Exception {
        TestCertificate certificate = TestCertificate.create(dir);
        Path keyStore = certificate.keyStore();
        Path caPem = certificate.pem();

        ServerSettings settings = ServerSettings.from(new Launcher("test", "", List.of()).parse(new String[] {
                "--port", "0", "--tls-key-store", keyStore.toString()},
                Map.of("TICKWIRE_TLS_KEY_STORE_PASSWORD", certificate.password())).config());
        try (TickwireServer server = TickwireServer.start(settings, io -> {
            io.onConnection(socket -> socket.on("echo", (args, ack) -> ack.send(args.get(0))));
            return GameServer.builder(io).mode(new GameMode("none", MatchOptions.builder().build(), IdleMatch::new,
                    InputRules.fixedSize(4)));
        })) {
            String url = "https://127.0.0.1:" + server.port();
            for (String transport : List.of("websocket", "polling")) {
                try (NodeProcess client = NodeProcess.start("net/src/test/js/launch/tls-client.mjs", url, caPem.toString(),
                        transport)) {
                    String connect = client.awaitLine(l -> l.contains("\"ev\":\"connect"), WAIT);
                    assertEquals("{\"ev\":\"connect\",\"transport\":\"" + transport + "\",\"secure\":true}", connect);
                    assertEquals("{\"ev\":\"echo\",\"reply\":\"over tls\"}", client.awaitLine(l -> l.contains("echo"), WAIT));
                }
            }

            HttpResponse<String> health = HttpClient.newBuilder().sslContext(trusting(certificate)).build()
                    .send(HttpRequest.newBuilder(URI.create(url + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertThrows(SSLHandshakeException.class, () -> HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(url + "/health")).build(), HttpResponse.BodyHandlers.ofString()),
                    "a client that does not trust the certificate is refused");
        }
    }

    @Test
    void aKeyStoreThatCannotBeOpenedNamesTheOption() throws Exception {
        Path notAStore = dir.resolve("garbage.p12");
        Files.writeString(notAStore, "not a key store");
        ServerSettings settings = ServerSettings.from(new Launcher("test", "", List.of()).parse(new String[] {
                "--tls-key-store", notAStore.toString()}, Map.of()).config());
        InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> settings.tls().newServerContext());
        assertTrue(e.getMessage().startsWith("tickwire.tls.key-store (--tls-key-store, TICKWIRE_TLS_KEY_STORE): cannot be used"),
                e.getMessage());
    }

    private static SSLContext trusting(TestCertificate certificate) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(certificate.keyStore().toFile())) {
            store.load(in, certificate.password().toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
