package io.tickwire.net.launch;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;

import javax.net.ssl.KeyManagerFactory;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * The certificate a server presents for https and wss: PEM files (a certificate chain and its PKCS#8 private
 * key) or a PKCS#12 key store with its password. Immutable.
 */
public record TlsSettings(File certificate, File privateKey, File keyStore, String keyStorePassword) {

    /** The TLS options of {@code c}, or null when none is set (plain HTTP). @throws InvalidOptionException */
    static TlsSettings from(LaunchConfig c) {
        String cert = c.string("tickwire.tls.certificate");
        String key = c.string("tickwire.tls.private-key");
        String store = c.string("tickwire.tls.key-store");
        if (cert.isEmpty() && key.isEmpty() && store.isEmpty()) {
            return null;
        }
        if (!store.isEmpty()) {
            if (!cert.isEmpty() || !key.isEmpty()) {
                throw c.invalid("tickwire.tls.key-store", "give either a key store or PEM files, not both");
            }
            return new TlsSettings(null, null, existing(c, "tickwire.tls.key-store", store),
                    c.string("tickwire.tls.key-store-password"));
        }
        if (cert.isEmpty()) {
            throw c.invalid("tickwire.tls.certificate", "is required with tickwire.tls.private-key");
        }
        if (key.isEmpty()) {
            throw c.invalid("tickwire.tls.private-key", "is required with tickwire.tls.certificate");
        }
        return new TlsSettings(existing(c, "tickwire.tls.certificate", cert), existing(c, "tickwire.tls.private-key", key),
                null, null);
    }

    /**
     * The Netty server context for these files.
     *
     * @throws InvalidOptionException when a file is not a usable certificate, key or key store
     */
    public SslContext newServerContext() {
        try {
            if (keyStore != null) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                char[] password = keyStorePassword.toCharArray();
                try (InputStream in = new FileInputStream(keyStore)) {
                    store.load(in, password);
                }
                KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(store, password);
                return SslContextBuilder.forServer(keys).build();
            }
            return SslContextBuilder.forServer(certificate, privateKey).build();
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            String option = keyStore != null ? "tickwire.tls.key-store (--tls-key-store, TICKWIRE_TLS_KEY_STORE)"
                    : "tickwire.tls.certificate/private-key (--tls-certificate, --tls-private-key)";
            throw new InvalidOptionException(option + ": cannot be used: " + e.getMessage());
        }
    }

    private static File existing(LaunchConfig c, String path, String name) {
        File file = new File(name);
        if (!file.isFile() || !file.canRead()) {
            throw c.invalid(path, "no readable file " + name);
        }
        return file;
    }
}
