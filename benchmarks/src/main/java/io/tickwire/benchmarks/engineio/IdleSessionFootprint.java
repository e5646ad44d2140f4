package io.tickwire.benchmarks.engineio;

import io.tickwire.net.engineio.EngineIoOptions;
import io.tickwire.net.engineio.EngineIoServer;
import io.tickwire.net.engineio.EngineIoSocketListener;
import io.tickwire.net.server.HttpRoute;
import io.tickwire.net.server.HttpServer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Heap held per idle WebSocket session, and handshake latency: starts an Engine.IO server on
 * 127.0.0.1 (default options), has {@code net/src/test/js/idle-sessions.mjs} open N WebSocket sessions
 * against it (and time 1,000 sequential polling handshakes first), and compares the used heap after a
 * full GC before and after. Bounded: N sessions, at most two minutes. Run from the repository root:
 *
 * <pre>
 *   mvn -B -q -pl benchmarks -am package -DskipTests
 *   java -Xmx1g -cp "benchmarks/target/classes:$(cat benchmarks/target/runtime-classpath.txt)" \
 *        io.tickwire.benchmarks.engineio.IdleSessionFootprint 10000
 * </pre>
 *
 * While it holds the sessions it prints its pid, so {@code jcmd <pid> GC.class_histogram} can show where
 * the bytes are.
 */
public final class IdleSessionFootprint {
    private IdleSessionFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        if (!Files.isDirectory(Path.of("node_modules"))) {
            throw new IllegalStateException("run from the repository root after `npm ci`");
        }
        EngineIoServer engineIo = new EngineIoServer(EngineIoOptions.defaults(),
                socket -> socket.listener(new EngineIoSocketListener() {
                }));
        try (HttpServer http = HttpServer.builder().port(0).route(HttpRoute.engineIo(engineIo)).start()) {
            long before = usedHeapAfterGc();
            Process node = new ProcessBuilder("node", "net/src/test/js/idle-sessions.mjs",
                    "http://127.0.0.1:" + http.port(), String.valueOf(sessions), "1000")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String report = out.readLine();
                if (report == null) {
                    throw new IllegalStateException("the Node script ended early");
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (engineIo.clientsCount() < sessions + 1000 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                int open = engineIo.clientsCount();
                // the polling handshake sessions are idle too but not WebSocket: let them time out first
                deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (engineIo.clientsCount() > sessions && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                long after = usedHeapAfterGc();
                int idleWebSockets = engineIo.clientsCount();
                System.out.println("client report: " + report);
                System.out.printf("sessions open at peak: %d, idle WebSocket sessions measured: %d%n", open,
                        idleWebSockets);
                System.out.printf("used heap after GC: before %,d B, after %,d B, per session %,d B%n", before, after,
                        (after - before) / Math.max(1, idleWebSockets));
                System.out.println("pid " + ProcessHandle.current().pid() + " (holding for 10 s for jcmd)");
                Thread.sleep(10_000);
                OutputStream in = node.getOutputStream();
                in.write("close\n".getBytes(StandardCharsets.UTF_8));
                in.flush();
            } finally {
                node.waitFor(10, TimeUnit.SECONDS);
                node.destroyForcibly();
            }
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
