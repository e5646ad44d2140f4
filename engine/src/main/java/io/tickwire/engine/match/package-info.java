/**
 * Match lifecycle: game code implements {@link io.tickwire.engine.match.Match} (create, join attempt, join,
 * leave, tick, snapshot, ack, dispose); the {@link io.tickwire.engine.match.MatchRegistry} shards matches over
 * loop threads; output leaves through the {@link io.tickwire.engine.match.Outbox} port that the net layer
 * implements.
 *
 * <pre>
 *   net thread ─ MatchHandle.publishInput / requestJoin / leave / publishAckResult ─▶ InputRing of the match's loop
 *   loop thread: TickLoop ─▶ MatchHost.tick: drain ring ─ route by match key ─▶ MatchRunner (per match)
 *                                                         inputs (per-player cap) ─▶ Inputs batch
 *                            per match: onTick(inputs) → world systems → onSnapshot → Outbox.flush()
 *   Outbox (net) ◀─ send / broadcast [volatile] [with ack + timeout] ─ ack outcome back through the ring
 * </pre>
 */
package io.tickwire.engine.match;
