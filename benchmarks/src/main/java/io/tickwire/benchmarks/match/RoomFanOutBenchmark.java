package io.tickwire.benchmarks.match;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpRequest;
import io.tickwire.net.match.LoopBatch;
import io.tickwire.net.socketio.SharedEncoding;
import io.tickwire.net.server.HttpRoute;
import io.tickwire.net.server.HttpServer;
import io.tickwire.net.server.IoTransport;
import io.tickwire.net.socketio.Namespace;
import io.tickwire.net.socketio.Socket;
import io.tickwire.net.socketio.SocketIoOptions;
import io.tickwire.net.socketio.SocketIoServer;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.Packet;
import io.tickwire.net.socketio.parser.PacketParsers;
import io.tickwire.net.socketio.parser.Value;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One state message to a room of {@code recipients} WebSocket connections, encoded once (msgpack) with the
 * same buffers written to every member and each connection flushed once, the way
 * {@code io.tickwire.net.match.RoomOutbox} does it: one {@link LoopBatch} task per connection event loop.
 *
 * <p>{@code transport} splits the cost per recipient in two:
 * <ul>
 *   <li>{@code socket}: real loopback connections; an operation ends when every client has the message, so the
 *       time is end to end, and the server's CPU includes the channels' outbound buffers and the system calls
 *       (on loopback the kernel's receive path runs inside the sender's {@code write(2)} too);</li>
 *   <li>{@code discard}: the same connections with a {@link DiscardingTransport} at the head of each server
 *       pipeline, so only our user-space work up to the transport is measured; an operation ends when every
 *       batch has run.</li>
 * </ul>
 * After each iteration the CPU time (user + system) and the allocation of every thread but the clients' (the
 * sender and the server's event loops: what the server pays) are printed per recipient, less the sender's own
 * CPU while it waits. Messages are reliable here (not volatile), so none is dropped.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dio.netty.leakDetection.level=disabled"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RoomFanOutBenchmark {
    @Param({"1", "100", "1000"})
    public int recipients;

    @Param({"socket", "discard"})
    public String transport;

    @Param({"EPOLL"})  // also IO_URING, NIO: -p io=IO_URING
    public IoTransport io;

    private SocketIoServer server;
    private HttpServer http;
    private FanOutClients clients;
    private final List<Channel> serverChannels = new CopyOnWriteArrayList<>();
    private boolean discard;
    private Socket[] room;
    private PacketParsers parsers;
    private Packet state;
    private long expected;
    private long operations;
    private long serverCpuNanosAtStart;
    private long serverAllocatedAtStart;
    private long waitingCpuNanos;
    private long kernelWorkersNanosAtStart;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final List<LoopBatch> batches = new ArrayList<>();
    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong drops = new AtomicLong();

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
        discard = transport.equals("discard");
        server = new SocketIoServer(SocketIoOptions.defaults());
        Namespace game = server.of("/game");
        http = HttpServer.builder().port(0).ioTransport(io).routes(recordingChannels(HttpRoute.socketIo(server))).start();
        clients = new FanOutClients("/game");
        clients.open(http.port(), recipients);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (game.sockets().size() < recipients) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + game.sockets().size() + " of " + recipients + " connected");
            }
            Thread.sleep(10);
        }
        room = game.sockets().values().toArray(Socket[]::new);
        parsers = game.parsers();
        byte[] snapshot = new byte[120];                   // a small delta snapshot
        state = Packet.event("/game", Packet.NO_ACK, ListValue.builder(3).add("state").add(Value.of(snapshot))
                .add(ListValue.builder(4).add(0).add(17).add(1).add(16).build()).build());
        Thread.sleep(200);                                 // the CONNECT answers have arrived
        expected = clients.framesReceived.get();
        if (discard) {
            for (Channel c : serverChannels) {
                DiscardingTransport.install(c);
            }
        }
    }

    /** What {@code RoomOutbox} does: writes grouped per connection event loop, one task per loop. */
    @Benchmark
    public long perLoopBatches() {
        SharedEncoding encoding = new SharedEncoding(parsers.broadcast(state));
        try {
            for (Socket s : room) {
                encoding.prepare(s.parserKind());
                batchFor(s).add(s, encoding, false, true);
            }
            for (LoopBatch b : batches) {
                if (!b.isEmpty()) {
                    b.submit();
                }
            }
        } finally {
            encoding.release();
        }
        return awaitDelivery();
    }

    private LoopBatch batchFor(Socket s) {
        for (LoopBatch b : batches) {
            if (b.loop == s.eventLoop()) {
                while (!b.isIdle()) {
                    Thread.onSpinWait();
                }
                return b;
            }
        }
        LoopBatch b = new LoopBatch(s.eventLoop(), packets, bytes, drops);
        batches.add(b);
        return b;
    }

    private long awaitDelivery() {
        operations++;
        expected += room.length;
        long waitStart = THREADS.getCurrentThreadCpuTime();
        if (discard) {
            for (LoopBatch b : batches) {
                while (!b.isIdle()) {
                    Thread.onSpinWait();
                }
            }
        } else {
            while (clients.framesReceived.get() < expected) {
                Thread.onSpinWait();
            }
        }
        waitingCpuNanos += THREADS.getCurrentThreadCpuTime() - waitStart;
        return expected;
    }

    /** The HTTP routes of the server, noting the channel of every request (the WebSocket handshakes). */
    private List<HttpRoute> recordingChannels(List<HttpRoute> routes) {
        List<HttpRoute> out = new ArrayList<>();
        for (HttpRoute route : routes) {
            out.add(new HttpRoute() {
                @Override
                public boolean matches(String uri) {
                    return route.matches(uri);
                }

                @Override
                public void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
                    serverChannels.add(ctx.channel());
                    route.handle(ctx, request);
                }

                @Override
                public void onRequestHead(ChannelHandlerContext ctx, HttpRequest head) {
                    route.onRequestHead(ctx, head);
                }

                @Override
                public void onRequestTooLarge(HttpRequest head) {
                    route.onRequestTooLarge(head);
                }
            });
        }
        return out;
    }

    /** CPU time and allocation of every thread but the clients' (the sender and the server's event loops). */
    @Setup(Level.Iteration)
    public void startServerClocks() {
        operations = 0;
        waitingCpuNanos = 0;
        serverCpuNanosAtStart = serverThreads(true);
        serverAllocatedAtStart = serverThreads(false);
        kernelWorkersNanosAtStart = kernelWorkerNanos();
    }

    @TearDown(Level.Iteration)
    public void printServerCosts() {
        long cpu = serverThreads(true) - serverCpuNanosAtStart - waitingCpuNanos;
        long allocated = serverThreads(false) - serverAllocatedAtStart;
        long kernelWorkers = kernelWorkerNanos() - kernelWorkersNanosAtStart;
        if (operations > 0 && kernelWorkers > 0) {
            System.out.printf("%n  io_uring kernel workers of the process: %,d ns CPU per recipient (included below)",
                    kernelWorkers / (operations * recipients));
            cpu += kernelWorkers;
        }
        if (operations > 0) {
            long perRecipient = operations * recipients;
            System.out.printf("%n  server: %,d ns CPU per message, %,d ns CPU and %,.1f B allocated per recipient"
                            + " (%d messages)%n",
                    cpu / operations, cpu / perRecipient, (double) allocated / perRecipient, operations);
        }
        if (discard) {
            long discarded = 0;
            for (Channel c : serverChannels) {
                discarded += DiscardingTransport.discarded(c);
            }
            System.out.printf("  discarded at the transport: %,d writes%n", discarded);
        }
    }

    /** Sum over the non-client threads of their CPU time ({@code cpu}) or allocated bytes. */
    private static long serverThreads(boolean cpu) {
        long total = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && !info.getThreadName().startsWith(FanOutClients.THREAD_PREFIX)) {
                long value = cpu ? THREADS.getThreadCpuTime(info.getThreadId())
                        : THREADS.getThreadAllocatedBytes(info.getThreadId());
                total += Math.max(value, 0);
            }
        }
        return total;
    }

    /**
     * CPU time of the process's threads that the JVM does not see: io_uring's kernel workers ({@code iou-wrk-*},
     * {@code iou-sqp-*}), to which the kernel may hand sends that cannot complete inline. Read from
     * {@code /proc/self/task/<tid>/schedstat} (nanoseconds); 0 where {@code /proc} is missing.
     */
    private static long kernelWorkerNanos() {
        long total = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    if (Files.readString(task.resolve("comm")).startsWith("iou-")) {
                        String schedstat = Files.readString(task.resolve("schedstat"));
                        total += Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
                    }
                } catch (IOException | RuntimeException gone) {
                    // the worker exited between the listing and the read
                }
            }
        } catch (IOException noProc) {
            return 0;
        }
        return total;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        clients.close();
        server.close();
        http.close();
    }
}
