package io.tickwire.net.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Debian's {@code nginx} started by a test in the foreground with a configuration generated from a template
 * (placeholders {@code @@NAME@@}; {@code @@DIR@@} is a fresh temporary directory, {@code @@LISTEN_PORT@@} a
 * free loopback port). Always close it: the process is stopped and the directory removed.
 */
public final class NginxProcess implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final Path dir;
    private final int port;

    private NginxProcess(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /**
     * Starts nginx with {@code template} (a classpath resource) and waits until it accepts connections.
     *
     * @throws IllegalStateException when nginx is not installed or does not start within 10 s
     */
    public static NginxProcess start(String template, Map<String, String> values) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is not installed: install Debian's nginx package, as .ci/run does");
        }
        String text;
        try (InputStream in = NginxProcess.class.getResourceAsStream(template)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + template);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path dir = Files.createTempDirectory("tickwire-nginx");
        int port = freePort();
        text = text.replace("@@DIR@@", dir.toString()).replace("@@LISTEN_PORT@@", Integer.toString(port));
        for (Map.Entry<String, String> v : values.entrySet()) {
            text = text.replace("@@" + v.getKey() + "@@", v.getValue());
        }
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, text);
        Process process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString(), "-p", dir.toString(),
                "-e", dir.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        NginxProcess nginx = new NginxProcess(process, dir, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!nginx.accepts()) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                String log = Files.exists(dir.resolve("error.log")) ? Files.readString(dir.resolve("error.log")) : "";
                nginx.close();
                throw new IllegalStateException("nginx did not start on port " + port + ": " + log);
            }
            LockSupport.parkNanos(20_000_000);
        }
        return nginx;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
