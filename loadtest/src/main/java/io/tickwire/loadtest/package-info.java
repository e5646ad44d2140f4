/**
 * The load test runner behind {@code ./run loadtest}: bots built on {@code io.tickwire.net.client}, sharing
 * one event loop group, measuring with HdrHistogram, and a final report (text and JSON). The broadcast
 * scenario runs against any Socket.IO server implementing the small handler documented in
 * loadtest/README.md ({@link io.tickwire.loadtest.BroadcastScenarioServer} is ours).
 *
 * <pre>
 *   LoadTestCommand ─▶ RunConfig ─▶ ScenarioRunner ─▶ BroadcastBot × N ─▶ server
 *                                              └─ LoadMetrics ─▶ progress line, LoadTestReport
 * </pre>
 */
package io.tickwire.loadtest;
