package io.tickwire.loadtest;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the bots measure, written from any event loop thread without locks: latency recorders in
 * microseconds (HdrHistogram {@link Recorder}s, 3 significant digits up to 60 s) and counters. The progress
 * thread drains the recorders once a second into interval and total histograms ({@link #drain()}).
 */
final class LoadMetrics {
    private static final long MAX_MICROS = 60_000_000;

    final Recorder connectMicros = new Recorder(MAX_MICROS, 3);
    final Recorder ackRoundTripMicros = new Recorder(MAX_MICROS, 3);
    final Recorder deliveryMicros = new Recorder(MAX_MICROS, 3);
    final Recorder jitterMicros = new Recorder(MAX_MICROS, 3);

    final LongAdder inputsSent = new LongAdder();
    final LongAdder statesReceived = new LongAdder();
    /** Game scenario: snapshots that were full (base tick -1); the rest were deltas. */
    final LongAdder fullSnapshots = new LongAdder();
    final LongAdder actionsSent = new LongAdder();
    final LongAdder acksReceived = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder disconnects = new LongAdder();
    final LongAdder reconnects = new LongAdder();
    final LongAdder botsEverConnected = new LongAdder();
    final AtomicInteger botsConnectedNow = new AtomicInteger();

    final Histogram totalConnect = new Histogram(MAX_MICROS, 3);
    final Histogram totalAckRoundTrip = new Histogram(MAX_MICROS, 3);
    final Histogram totalDelivery = new Histogram(MAX_MICROS, 3);
    final Histogram totalJitter = new Histogram(MAX_MICROS, 3);
    private Histogram intervalDelivery;
    private Histogram intervalAckRoundTrip;

    /** Records a latency, clamped into the histogram's range. */
    static void record(Recorder recorder, long micros) {
        recorder.recordValue(Math.max(0, Math.min(micros, MAX_MICROS)));
    }

    /**
     * Moves what was recorded since the last call into the totals; the progress thread only. The interval's
     * delivery and ack latencies stay readable until the next call.
     */
    void drain() {
        totalConnect.add(connectMicros.getIntervalHistogram());
        totalJitter.add(jitterMicros.getIntervalHistogram());
        intervalAckRoundTrip = ackRoundTripMicros.getIntervalHistogram(intervalAckRoundTrip);
        totalAckRoundTrip.add(intervalAckRoundTrip);
        intervalDelivery = deliveryMicros.getIntervalHistogram(intervalDelivery);
        totalDelivery.add(intervalDelivery);
    }

    /** The delivery latencies of the last {@link #drain()}'s interval; the progress thread only. */
    Histogram intervalDelivery() {
        return intervalDelivery;
    }

    /** The ack round trips of the last {@link #drain()}'s interval; the progress thread only. */
    Histogram intervalAckRoundTrip() {
        return intervalAckRoundTrip;
    }
}
