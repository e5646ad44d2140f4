/**
 * The arena as a match a {@code GameServer} hosts: {@link io.tickwire.sample.match.ArenaMatch} (the engine
 * {@code Match}: joins, inputs, bots filling seats, the clock, the lobby status), the input format
 * ({@link io.tickwire.sample.match.ArenaInput}), the roster of names and the acked combat messages
 * ({@link io.tickwire.sample.match.CombatFeed}), and the mode clients ask for ({@link io.tickwire.sample.match.ArenaMode}).
 * The wire payloads are documented in game-sample/README.md.
 *
 * <pre>
 *   input(seq, ackedTick, [dx, dy, aim16, buttons]) ─▶ ArenaInput ─▶ ArenaMatch.onTick ─▶ Position / Avatar / Control
 *   systems: BotSystem ─▶ WeaponSystem ─▶ ProjectileSystem ─▶ RespawnSystem ─▶ RoundSystem
 *                                          └─ hits, kills ─▶ CombatFeed ─▶ sendWithAck("hit" | "kill" | "results")
 *   onSnapshot: Clock.epochMicros = now ─▶ GameServer sends the volatile delta state
 * </pre>
 */
package io.tickwire.sample.match;
