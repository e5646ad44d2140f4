package io.tickwire.net.metrics;

import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import io.tickwire.net.match.MatchObserver;
import io.tickwire.net.match.TickReport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records each hosted match's tick duration ({@code tickwire_match_tick_seconds{match}}) as the
 * {@link MatchObserver} of a {@code GameServer}. Each match's data point is looked up once and kept, so a
 * tick records without allocating; a disposed match's series is removed so ended matches do not pile up.
 *
 * <p>Threading: called on the matches' loop threads; several loops may call it at once.
 */
final class MatchTickHistogram implements MatchObserver {
    /** Up to a 60 Hz tick's budget in fine steps, then the overruns. */
    private static final double[] BUCKETS_SECONDS = {
            0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.010, 0.0167, 0.025, 0.05, 0.1, 0.25};

    private final Histogram histogram;
    private final Map<String, DistributionDataPoint> byMatch = new ConcurrentHashMap<>();

    MatchTickHistogram() {
        histogram = Histogram.builder()
                .name("tickwire_match_tick_seconds")
                .help("Duration of one tick of a hosted match: game tick, world systems, snapshot and flush")
                .labelNames("match")
                .classicOnly()
                .classicUpperBounds(BUCKETS_SECONDS)
                .build();
    }

    Histogram histogram() {
        return histogram;
    }

    @Override
    public void onTickEnd(TickReport report) {
        DistributionDataPoint point = byMatch.get(report.matchId());
        if (point == null) {
            point = histogram.labelValues(report.matchId());
            byMatch.put(report.matchId(), point);
        }
        point.observe(report.tickNanos() / 1e9);
    }

    @Override
    public void onMatchDisposed(String matchId) {
        if (byMatch.remove(matchId) != null) {
            histogram.remove(matchId);
        }
    }
}
