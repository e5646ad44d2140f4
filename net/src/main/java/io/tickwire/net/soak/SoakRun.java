package io.tickwire.net.soak;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.tickwire.net.client.ClientOptions;
import io.tickwire.net.client.ClientSocket;
import io.tickwire.net.client.Manager;
import io.tickwire.net.client.TransportType;
import io.tickwire.net.engineio.EngineIoOptions;
import io.tickwire.net.server.HttpRoute;
import io.tickwire.net.server.HttpServer;
import io.tickwire.net.socketio.SocketIoOptions;
import io.tickwire.net.socketio.SocketIoServer;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One soak run: starts a server on a free port, runs the bots for {@code durationMs}, samples the heap
 * every {@code sampleIntervalMs}, then stops the bots, waits for the server to time out what the rude
 * bots abandoned, and takes a last sample. Blocks the calling thread for the whole run.
 */
public final class SoakRun {
    /** Short heartbeats so that abandoned sessions end within seconds of the bots stopping. */
    private static final long PING_INTERVAL_MS = 2_000;
    private static final long PING_TIMEOUT_MS = 2_000;

    private final Options options;
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean running = true;

    /**
     * @param durationMs       how long bots connect and disconnect
     * @param sampleIntervalMs time between two heap samples
     * @param politeBots       bots that connect with the Socket.IO client, exchange acked events and leave
     * @param rudeBots         bots that open a connection and abandon it mid-handshake or right after it
     */
    public record Options(long durationMs, long sampleIntervalMs, int politeBots, int rudeBots) {
    }

    /**
     * What the run saw: the samples (the last taken after the bots stopped and abandoned sessions timed
     * out), connections made, and polite exchanges that failed.
     */
    public record Report(List<HeapSample> samples, long connections, long failures) {
        /** Heap growth from the first sample to the last, in bytes. */
        public long retainedGrowthBytes() {
            return samples.get(samples.size() - 1).heapUsedBytes() - samples.get(0).heapUsedBytes();
        }
    }

    private SoakRun(Options options) {
        this.options = options;
    }

    /** Runs a soak, handing each sample to {@code onSample} as it is taken (on the calling thread). */
    public static Report run(Options options, Consumer<HeapSample> onSample) throws InterruptedException {
        return new SoakRun(options).run(onSample);
    }

    private Report run(Consumer<HeapSample> onSample) throws InterruptedException {
        SocketIoServer io = new SocketIoServer(SocketIoOptions.builder()
                .engine(EngineIoOptions.builder().path("/socket.io/").pingIntervalMs(PING_INTERVAL_MS)
                        .pingTimeoutMs(PING_TIMEOUT_MS).build())
                .connectTimeoutMs(PING_INTERVAL_MS)
                .build());
        io.onConnection(socket -> socket.on("echo", (args, ack) -> {
            if (ack != null) {
                ack.send(args.asList().toArray());
            }
        }));
        EventLoopGroup clientLoops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        List<HeapSample> samples = new ArrayList<>();
        long start = System.nanoTime();
        try (HttpServer http = HttpServer.builder().port(0).ioThreads(2).route(HttpRoute.engineIo(io.engine())).start()) {
            List<Thread> bots = new ArrayList<>();
            for (int i = 0; i < options.politeBots(); i++) {
                TransportType transport = i % 2 == 0 ? TransportType.WEBSOCKET : TransportType.POLLING;
                bots.add(start("soak-polite-" + i, () -> politeLoop(http.port(), transport, clientLoops)));
            }
            for (int i = 0; i < options.rudeBots(); i++) {
                bots.add(start("soak-rude-" + i, () -> rudeLoop(http.port())));
            }
            long deadline = start + TimeUnit.MILLISECONDS.toNanos(options.durationMs());
            long nextSample = start + TimeUnit.MILLISECONDS.toNanos(options.sampleIntervalMs());
            while (nextSample <= deadline) {
                TimeUnit.NANOSECONDS.sleep(nextSample - System.nanoTime());
                HeapSample sample = sample(start, io);
                samples.add(sample);
                onSample.accept(sample);
                nextSample += TimeUnit.MILLISECONDS.toNanos(options.sampleIntervalMs());
            }
            running = false;
            for (Thread bot : bots) {
                bot.join(10_000);
            }
            long drainDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2 * (PING_INTERVAL_MS + PING_TIMEOUT_MS));
            while (io.engine().clientsCount() > 0 && System.nanoTime() < drainDeadline) {
                Thread.sleep(50);
            }
            HeapSample last = sample(start, io);
            samples.add(last);
            onSample.accept(last);
        } finally {
            io.close();
            clientLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        return new Report(List.copyOf(samples), connections.get(), failures.get());
    }

    private static Thread start(String name, Runnable loop) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private HeapSample sample(long startNanos, SocketIoServer io) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new HeapSample(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), used,
                io.engine().clientsCount(), connections.get());
    }

    /** Connect, three acked echoes with a binary argument, disconnect; again until the run ends. */
    private void politeLoop(int port, TransportType transport, EventLoopGroup loops) {
        ClientOptions clientOptions = ClientOptions.builder().transports(transport).reconnection(false).build();
        byte[] blob = new byte[256];
        while (running) {
            Manager manager = new Manager(URI.create("http://127.0.0.1:" + port), clientOptions, loops);
            try {
                ClientSocket socket = manager.socket("/");
                CompletableFuture<Void> connected = new CompletableFuture<>();
                socket.onConnect(() -> connected.complete(null));
                socket.connect();
                connected.get(5, TimeUnit.SECONDS);
                connections.incrementAndGet();
                for (int i = 0; i < 3; i++) {
                    socket.emitWithAck("echo", i, blob).get(5, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                failures.incrementAndGet();
            } finally {
                manager.close();
            }
        }
    }

    /** Requests that die: an upgrade hung up on at once, a polling handshake never polled again. */
    private void rudeLoop(int port) {
        int round = 0;
        while (running) {
            String request = round++ % 2 == 0
                    ? "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
                    : "GET /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoLinger(true, 0); // hang up with a reset, as a dying client does
                OutputStream out = socket.getOutputStream();
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                connections.incrementAndGet();
            } catch (IOException e) {
                failures.incrementAndGet();
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
