package io.tickwire.benchmarks.match;

import io.tickwire.net.match.LoopBatch;
import io.tickwire.net.match.SharedEncoding;
import io.tickwire.net.server.HttpRoute;
import io.tickwire.net.server.HttpServer;
import io.tickwire.net.socketio.Namespace;
import io.tickwire.net.socketio.Socket;
import io.tickwire.net.socketio.SocketIoOptions;
import io.tickwire.net.socketio.SocketIoServer;
import io.tickwire.net.socketio.parser.BroadcastEncoding;
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

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One state message to a room of {@code recipients} real loopback WebSocket connections, encoded once
 * (msgpack) with the same buffers written to every member and each connection flushed once:
 * {@code perLoopBatches} the way {@code io.tickwire.net.match.RoomOutbox} does it (one {@link LoopBatch} task
 * per connection event loop), {@code directWrites} with every {@code Socket.write}/{@code flush} called from
 * the sending thread.
 * An operation ends when every client has received the message, so the time per operation is the end-to-end
 * cost of one fan-out on this machine (server event loops, the clients' loop and this thread share the CPUs):
 * divide by {@code recipients} for the figure per recipient. After each iteration the CPU time of every
 * thread but the clients' (the sender and the server's event loops: what the server pays) is printed per
 * message and per recipient, less the sender's own CPU while it waits for delivery. Messages are reliable here (not volatile), so
 * none is dropped and every recipient is really written to.
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

    private SocketIoServer io;
    private HttpServer http;
    private FanOutClients clients;
    private Socket[] room;
    private PacketParsers parsers;
    private Packet state;
    private long expected;
    private long operations;
    private long serverCpuNanosAtStart;
    private long waitingCpuNanos;
    private static final ThreadMXBean THREAD_CPU = ManagementFactory.getThreadMXBean();
    private final List<LoopBatch> batches = new ArrayList<>();
    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong drops = new AtomicLong();

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
        io = new SocketIoServer(SocketIoOptions.defaults());
        Namespace game = io.of("/game");
        http = HttpServer.builder().port(0).routes(HttpRoute.socketIo(io)).start();
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

    /** The baseline: every write and every flush from this thread (a cross-thread task each). */
    @Benchmark
    public long directWrites() {
        BroadcastEncoding encoding = parsers.broadcast(state);
        try {
            for (Socket s : room) {
                s.write(encoding, false);
            }
            for (Socket s : room) {
                s.flush();
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
        long waitStart = THREAD_CPU.getCurrentThreadCpuTime();
        while (clients.framesReceived.get() < expected) {
            Thread.onSpinWait();
        }
        waitingCpuNanos += THREAD_CPU.getCurrentThreadCpuTime() - waitStart;
        return expected;
    }

    /** CPU time of every thread but the clients' (the sender and the server's event loops) per operation. */
    @Setup(Level.Iteration)
    public void startCpuClock() {
        operations = 0;
        waitingCpuNanos = 0;
        serverCpuNanosAtStart = serverCpuNanos();
    }

    @TearDown(Level.Iteration)
    public void printServerCpu() {
        long cpu = serverCpuNanos() - serverCpuNanosAtStart - waitingCpuNanos;
        if (operations > 0) {
            System.out.printf("%n  server CPU: %,d ns per message, %,d ns per recipient (%d messages)%n",
                    cpu / operations, cpu / operations / recipients, operations);
        }
    }

    private static long serverCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && !info.getThreadName().startsWith(FanOutClients.THREAD_PREFIX)) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                total += Math.max(cpu, 0);
            }
        }
        return total;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        clients.close();
        io.close();
        http.close();
    }
}
