package io.tickwire.engine.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputRingTest {
    private static final PayloadCopier<ByteBuffer> BYTE_BUFFER = (source, offset, target, targetOffset, length) ->
            source.get(offset, target, targetOffset, length);

    private final InputRing ring = new InputRing(InputRingOptions.builder().ringSize(8).maxPayloadBytes(4).build());
    private final List<String> drained = new ArrayList<>();
    private final InputHandler recorder = event -> drained.add(event.kind() + " m" + event.matchKey() + " p"
            + event.playerId() + " #" + event.sequence() + " " + new String(event.payloadArray(), 0, event.payloadLength()));

    @Test
    void handsEventsOverInPublishOrderWithTheirFields() {
        assertTrue(ring.publishInput(1, 10, 100, "ab".getBytes(), 0, 2));
        assertTrue(ring.publishInput(2, 20, 200, ByteBuffer.wrap("xyz!".getBytes()), 1, 3, BYTE_BUFFER));
        assertTrue(ring.publish(InputKind.LEAVE, 1, 10, 0, 1, null, 0, 0, null, null));

        assertEquals(3, ring.drain(recorder));
        assertEquals(List.of("INPUT m1 p10 #100 ab", "INPUT m2 p20 #200 yz!", "LEAVE m1 p10 #0 "), drained);
        assertEquals(0, ring.drain(recorder), "each event is handed over once");
    }

    @Test
    void refusesToPublishWhenFullAndAcceptsAgainOnceDrained() {
        for (int i = 0; i < 8; i++) {
            assertTrue(ring.publishInput(1, 1, i, new byte[0], 0, 0));
        }
        assertFalse(ring.publishInput(1, 1, 8, new byte[0], 0, 0));
        assertEquals(1, ring.rejectedFull());

        assertEquals(8, ring.drain(recorder));
        assertTrue(ring.publishInput(1, 1, 9, new byte[0], 0, 0));
    }

    @Test
    void refusesAPayloadLargerThanTheEventHolds() {
        assertFalse(ring.publishInput(1, 1, 1, new byte[5], 0, 5));
        assertEquals(1, ring.rejectedOversize());
        assertEquals(0, ring.drain(recorder));
    }

    @Test
    void releasesAttachmentsOnceHandedOver() {
        Object attachment = new Object();
        ring.publish(InputKind.CONTROL, 1, 0, 0, 1, null, 0, 0, null, attachment);
        List<Object> seen = new ArrayList<>();
        ring.drain(event -> seen.add(event.attachment()));
        assertEquals(List.of(attachment), seen);
        ring.publishInput(1, 1, 1, new byte[0], 0, 0);
        ring.drain(event -> seen.add(event.attachment()));
        assertEquals(null, seen.get(1), "a reused slot does not keep the old attachment");
    }

    @Test
    void aPublisherWhoseCopierThrowsLeavesNoEventAndDoesNotStallTheRing() {
        PayloadCopier<String> broken = (source, offset, target, targetOffset, length) -> {
            throw new IndexOutOfBoundsException("bad offset");
        };
        org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class,
                () -> ring.publishInput(1, 1, 1, "x", 0, 1, broken));
        ring.publishInput(1, 1, 2, "ok".getBytes(), 0, 2);

        assertEquals(1, ring.drain(recorder));
        assertEquals(List.of("INPUT m1 p1 #2 ok"), drained);
    }

    @Test
    void anEventWhoseHandlerThrowsIsNotHandedOverAgain() {
        ring.publishInput(1, 1, 1, new byte[0], 0, 0);
        ring.publishInput(1, 1, 2, new byte[0], 0, 0);
        List<Long> seen = new ArrayList<>();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> ring.drain(event -> {
            seen.add(event.sequence());
            throw new IllegalStateException("handler bug");
        }));
        ring.drain(event -> seen.add(event.sequence()));
        assertEquals(List.of(1L, 2L), seen);
    }

    @Test
    void keepsEachProducersOrderUnderConcurrentPublishing() throws InterruptedException {
        InputRing shared = new InputRing(InputRingOptions.builder().ringSize(1 << 16).maxPayloadBytes(0).build());
        int perProducer = 20_000;
        Thread[] producers = new Thread[3];
        for (int p = 0; p < producers.length; p++) {
            int player = p;
            producers[p] = new Thread(() -> {
                for (int seq = 0; seq < perProducer; seq++) {
                    while (!shared.publishInput(0, player, seq, new byte[0], 0, 0)) {
                        Thread.onSpinWait();
                    }
                }
            });
            producers[p].start();
        }
        long[] next = new long[producers.length];
        long deadline = System.nanoTime() + 10_000_000_000L;
        int total = 0;
        while (total < perProducer * producers.length && System.nanoTime() < deadline) {
            total += shared.drain(event -> {
                assertEquals(next[event.playerId()], event.sequence(), "per-producer order");
                next[event.playerId()]++;
            });
        }
        for (Thread producer : producers) {
            producer.join();
        }
        assertEquals(perProducer * producers.length, total);
    }

    @Test
    void publishingAllocatesNothing() {
        InputRing big = new InputRing(InputRingOptions.builder().ringSize(1 << 14).maxPayloadBytes(16).build());
        byte[] payload = new byte[16];
        InputHandler ignore = event -> { };
        for (int i = 0; i < 20_000; i++) {
            big.publishInput(1, 2, i, payload, 0, 16);
            if ((i & 1023) == 0) {
                big.drain(ignore);
            }
        }
        big.drain(ignore);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        threads.getThreadAllocatedBytes(thread);
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 10_000; i++) {
            big.publishInput(1, 2, i, payload, 0, 16);
        }
        big.drain(ignore);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertTrue(allocated < 1024, "10,000 publishes and a drain allocated " + allocated + " bytes");
    }
}
