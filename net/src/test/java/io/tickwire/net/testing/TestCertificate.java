package io.tickwire.net.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed EC certificate for {@code localhost} and {@code 127.0.0.1}, valid two days, made by the JDK's
 * keytool for a test: the server's PKCS#12 key store and the certificate as PEM, for clients to trust.
 *
 * @param keyStore the PKCS#12 key store holding the key and certificate (alias {@code tickwire})
 * @param pem      the certificate alone, PEM
 * @param password the key store's password
 */
public record TestCertificate(Path keyStore, Path pem, String password) {

    /** Makes the files in {@code dir}. @throws IllegalStateException if keytool fails */
    public static TestCertificate create(Path dir) throws Exception {
        TestCertificate c = new TestCertificate(dir.resolve("server.p12"), dir.resolve("ca.pem"), "test-only-password");
        keytool("-genkeypair", "-alias", "tickwire", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", c.keyStore.toString(), "-storepass", c.password);
        keytool("-exportcert", "-rfc", "-alias", "tickwire", "-keystore", c.keyStore.toString(),
                "-storepass", c.password, "-file", c.pem.toString());
        return c;
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + ": " + output);
        }
    }
}
