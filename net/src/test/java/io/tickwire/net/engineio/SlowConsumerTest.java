package io.tickwire.net.engineio;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.tickwire.net.engineio.transport.WebSocketFrames;
import io.tickwire.net.server.HttpRoute;
import io.tickwire.net.server.HttpServer;
import io.tickwire.net.testing.RawWebSocket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A WebSocket client that stops reading while the server keeps sending to it and to a client that reads:
 * the stalled session first turns unwritable (volatile packets are dropped from there), then closes with
 * {@code transport error} once more than {@code maxWriteBufferBytes} wait, while the reading client gets
 * every message promptly.
 */
class SlowConsumerTest {
    private static final int MESSAGE_BYTES = 16 * 1024;
    private static final long MAX_WRITE_BUFFER_BYTES = 512 * 1024;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"send", "writeWebSocketFrames"})
    void closesAClientThatStopsReadingWhileTheOthersReceiveOnTime(String path) throws Exception {
        List<EngineIoSocket> sessions = new CopyOnWriteArrayList<>();
        LinkedBlockingQueue<CloseReason> closes = new LinkedBlockingQueue<>();
        EngineIoSocketListener listener = new EngineIoSocketListener() {
            @Override
            public void onClose(EngineIoSocket socket, CloseReason reason) {
                closes.add(reason);
            }
        };
        EngineIoServer engine = new EngineIoServer(EngineIoOptions.builder().maxWriteBufferBytes(MAX_WRITE_BUFFER_BYTES)
                .build(), socket -> {
            sessions.add(socket);
            socket.listener(listener);
        });
        try (HttpServer http = HttpServer.builder().port(0).ioThreads(2).route(HttpRoute.engineIo(engine)).start();
             RawWebSocket stalled = RawWebSocket.connect(http.port(), "/engine.io/?EIO=4&transport=websocket");
             RawWebSocket reader = RawWebSocket.connect(http.port(), "/engine.io/?EIO=4&transport=websocket")) {
            stalled.read();
            reader.read();
            awaitTrue(() -> sessions.size() == 2);
            EngineIoSocket stalledSession = sessions.get(0);
            EngineIoSocket readerSession = sessions.get(1);

            long[] latenciesNanos = new long[2000];
            int[] received = {0};
            AtomicBoolean readerFailed = new AtomicBoolean();
            Thread reading = new Thread(() -> {
                try {
                    while (received[0] < latenciesNanos.length) {
                        String text = reader.read().text();
                        if (text.startsWith("4")) {
                            long sentAt = Long.parseLong(text.substring(1, text.indexOf(' ')));
                            latenciesNanos[received[0]++] = System.nanoTime() - sentAt;
                        }
                    }
                } catch (Exception e) {
                    readerFailed.set(true);
                }
            });
            reading.start();

            boolean sawUnwritable = false;
            int sent = 0;
            String padding = " " + "p".repeat(MESSAGE_BYTES);
            while (sent < latenciesNanos.length) {
                String message = System.nanoTime() + padding;
                if (path.equals("send")) {
                    stalledSession.send(Unpooled.copiedBuffer(message, StandardCharsets.UTF_8), false);
                    readerSession.send(Unpooled.copiedBuffer(message, StandardCharsets.UTF_8), false);
                } else {
                    // the broadcast path: frames built once, a duplicate written per session
                    ByteBuf payload = Unpooled.copiedBuffer(message, StandardCharsets.UTF_8);
                    ByteBuf frames = WebSocketFrames.ofMessages(ByteBufAllocator.DEFAULT, new ByteBuf[] {payload},
                            new boolean[] {false}, 1);
                    payload.release();
                    assertTrue(stalledSession.writeWebSocketFrames(frames, true) || !stalledSession.isOpen());
                    assertTrue(readerSession.writeWebSocketFrames(frames, true));
                    frames.release();
                }
                sent++;
                sawUnwritable |= stalledSession.isOpen() && !stalledSession.isWritable();
                if (sent % 2 == 0) {
                    Thread.sleep(1); // at most ~30 MB/s per client: the reader keeps up, the stalled one falls behind
                }
            }
            reading.join(30_000);

            assertTrue(sawUnwritable, "the stalled session reported itself unwritable before it was closed");
            assertEquals(CloseReason.TRANSPORT_ERROR, closes.poll(5, TimeUnit.SECONDS));
            assertFalse(stalledSession.isOpen());
            assertTrue(readerSession.isOpen(), "the reading client is not affected");
            assertFalse(readerFailed.get());
            assertEquals(latenciesNanos.length, received[0], "the reading client received every message");
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            long p99Ms = sorted[(int) (sorted.length * 0.99)] / 1_000_000;
            assertTrue(p99Ms < 1000, "the reading client's p99 latency stays low: " + p99Ms + " ms");
            assertTrue(closes.isEmpty(), "only the stalled session closed: " + closes);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(5);
        }
    }
}
