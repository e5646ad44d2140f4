/**
 * Prometheus metrics of a Tickwire server, exposed in the text format at {@code /metrics}. The hot paths only
 * bump the counters they already keep ({@code SocketIoMetrics}, {@code GameServer}'s adders, the engine's
 * {@code TickStats}); the collectors here read them when scraped, so a scrape costs the scraper, not the game.
 * The one metric recorded as it happens is the per-match tick duration histogram, from the loop thread.
 *
 * <pre>
 *   SocketIoServer.metrics() ─┐
 *   GameServer counters ──────┼─ read at scrape ─▶ PrometheusRegistry ─▶ MetricsRoute (GET /metrics)
 *   MatchRegistry.loopStats ──┘                          ▲
 *   RoomOutbox.flush ─▶ TickReport ─▶ MatchTickHistogram ┘
 * </pre>
 */
package io.tickwire.net.metrics;
