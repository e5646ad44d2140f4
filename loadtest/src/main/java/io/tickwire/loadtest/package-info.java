/**
 * The load test runner behind {@code ./run loadtest}: bots built on {@code io.tickwire.net.client}, sharing
 * one event loop group, measuring with HdrHistogram, and a final report (text and JSON). Two scenarios
 * (loadtest/README.md): {@code broadcast} runs against any Socket.IO server implementing a small handler
 * ({@link io.tickwire.loadtest.BroadcastScenarioServer} is ours); {@code game} plays the game protocol of
 * {@code io.tickwire.net.match} against {@link io.tickwire.loadtest.GameScenarioServer} (the arena game).
 *
 * <pre>
 *   LoadTestCommand ─▶ RunConfig ─▶ ScenarioRunner ─▶ LoadBot × N (BroadcastBot | GameBot) ─▶ server
 *                                              └─ LoadMetrics ─▶ progress line, LoadTestReport
 *   serve      ─▶ BroadcastScenarioServer (SocketIoServer + the broadcast handler)
 *   serve-game ─▶ GameScenarioServer (SocketIoServer + GameServer hosting ArenaGame on /game)
 * </pre>
 */
package io.tickwire.loadtest;
