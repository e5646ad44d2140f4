package io.tickwire.engine.input;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one way into a loop thread: a bounded multi-producer LMAX Disruptor ring of preallocated
 * {@link InputEvent}s. Any thread publishes; the loop thread {@link #drain drains} it at the start of each
 * tick with an {@link EventPoller}.
 *
 * <p>Publishing allocates nothing: it claims a slot with {@code tryNext()} (whose "full" exception is a
 * preallocated singleton), copies primitives and payload bytes into the preallocated event and publishes the
 * slot. Disruptor's {@code EventTranslator*} arguments are objects, so passing a player id or a sequence
 * number through them would box; claiming the slot directly is the allocation-free equivalent of a static
 * translator. Overflow policy: when the ring is full, or a payload is larger than
 * {@link InputRingOptions#maxPayloadBytes()}, the publish returns false, nothing is queued and a counter is
 * incremented; the caller decides (drop, or disconnect a flooder).
 *
 * <p>Memory ordering: everything written into an event before the slot is published happens-before the
 * loop thread reads it in {@link #drain} (the Disruptor's sequence barrier).
 */
public final class InputRing {
    private final RingBuffer<InputEvent> ring;
    private final EventPoller<InputEvent> poller;
    private final int maxPayloadBytes;
    private final AtomicLong rejectedFull = new AtomicLong();
    private final AtomicLong rejectedOversize = new AtomicLong();
    private InputHandler handler;
    private int drained;
    private long failedSequence = -1;
    private final EventPoller.Handler<InputEvent> dispatch = (event, sequence, endOfBatch) -> {
        if (sequence == failedSequence || event.kind == InputKind.NONE) {
            return true;
        }
        try {
            drained++;
            handler.onEvent(event);
        } catch (RuntimeException | Error e) {
            // The poller hands a failed event over again at the next poll; it must not run twice.
            failedSequence = sequence;
            throw e;
        } finally {
            if (event.attachment != null) {
                event.attachment = null;
            }
        }
        return true;
    };

    /** Preallocates {@code ringSize} events of {@code maxPayloadBytes} each; one consumer (the loop thread). */
    public InputRing(InputRingOptions options) {
        int maxPayload = options.maxPayloadBytes();
        this.maxPayloadBytes = maxPayload;
        // The loop thread polls and never waits on the ring, so the wait strategy only matters for what publishing
        // does to wake a waiter: BusySpin's signal is a no-op, where the default BlockingWaitStrategy would take a
        // lock on every publish.
        this.ring = RingBuffer.createMultiProducer(() -> new InputEvent(maxPayload), options.ringSize(),
                new BusySpinWaitStrategy());
        this.poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
    }

    /** The largest payload accepted, in bytes. */
    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }

    /**
     * Publishes a player's input. Any thread; never blocks; allocates nothing.
     *
     * @return false if the ring is full or the payload exceeds {@link #maxPayloadBytes()} (nothing queued)
     */
    public boolean publishInput(int matchKey, int playerId, long sequence, byte[] payload, int offset, int length) {
        return publish(InputKind.INPUT, matchKey, playerId, sequence, 0, payload, offset, length, PayloadCopier.BYTE_ARRAY, null);
    }

    /**
     * Publishes a player's input whose payload {@code copier} copies from {@code source} (borrowed: not retained,
     * not released). Any thread; never blocks; allocates nothing if {@code copier} does not.
     *
     * @return false if the ring is full or {@code length} exceeds {@link #maxPayloadBytes()}
     */
    public <S> boolean publishInput(int matchKey, int playerId, long sequence, S source, int offset, int length,
            PayloadCopier<S> copier) {
        return publish(InputKind.INPUT, matchKey, playerId, sequence, 0, source, offset, length, copier, null);
    }

    /**
     * Publishes any event kind; used by the match layer for joins, leaves, ack results and lifecycle commands.
     * Any thread; never blocks. {@code source} is borrowed; {@code attachment} is handed to the loop thread.
     * If {@code copier} throws, the exception reaches the caller and the claimed slot is published empty
     * (the loop skips it), so the ring never stalls on a failed publisher.
     *
     * @return false if the ring is full or {@code length} exceeds {@link #maxPayloadBytes()}
     */
    public <S> boolean publish(InputKind kind, int matchKey, int playerId, long sequence, int code, S source,
            int offset, int length, PayloadCopier<S> copier, Object attachment) {
        if (length > maxPayloadBytes || length < 0) {
            rejectedOversize.incrementAndGet();
            return false;
        }
        long slot;
        try {
            slot = ring.tryNext();
        } catch (InsufficientCapacityException full) {
            rejectedFull.incrementAndGet();
            return false;
        }
        InputEvent event = ring.get(slot);
        try {
            event.kind = InputKind.NONE;
            event.matchKey = matchKey;
            event.playerId = playerId;
            event.sequence = sequence;
            event.code = code;
            event.length = length;
            if (length > 0) {
                copier.copy(source, offset, event.payload, 0, length);
            }
            event.attachment = attachment;
            event.kind = kind;
        } finally {
            ring.publish(slot);
        }
        return true;
    }

    /**
     * Hands every event published so far to {@code handler}, in ring order, and frees their slots. Loop thread
     * only (the single consumer). An exception from {@code handler} propagates; the events before it are
     * consumed and the failing one is dropped.
     *
     * @return the number of events handed over
     */
    public int drain(InputHandler handler) {
        this.handler = handler;
        drained = 0;
        try {
            poller.poll(dispatch);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            this.handler = null;
        }
        return drained;
    }

    /** Publishes refused because the ring was full, since creation. Any thread. */
    public long rejectedFull() {
        return rejectedFull.get();
    }

    /** Publishes refused because the payload was too large, since creation. Any thread. */
    public long rejectedOversize() {
        return rejectedOversize.get();
    }

    /** Free slots now (a snapshot; other threads may be publishing). */
    public long remainingCapacity() {
        return ring.remainingCapacity();
    }
}
