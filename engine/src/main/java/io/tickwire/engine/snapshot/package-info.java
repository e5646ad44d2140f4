/**
 * Snapshots of a world's replicated components, full or as deltas against a tick the client acknowledged,
 * encoded with msgpack into a caller-owned {@link io.tickwire.engine.snapshot.PackBuffer}.
 *
 * <pre>
 *   World ─writeReplicated─▶ ReplicatedState (ring of SnapshotHistory, one per captured tick)
 *   SnapshotEncoder(base = state at the client's acked tick, current = latest) ─▶ msgpack bytes ─▶ Outbox
 *   client: SnapshotDecoder(its state at base tick, bytes) ─▶ ReplicatedState equal to the server's latest
 *
 *   interest management (only when the game sets an Interest on its match):
 *   Interest.prepare(latest) ─▶ per player: Interest.select ─▶ VisibleEntities ─▶ PlayerViews.capture
 *   PlayerViews.writeLatest(player, acked tick) ─▶ delta of that player's views (GridInterest: 2D square views)
 * </pre>
 *
 * Wire format, one msgpack array: {@code [tick, baseTick, removedEntities, removedComponents, changed]} where
 * {@code baseTick} is -1 for a full snapshot; {@code removedEntities} lists entity handles gone since the base
 * (or recycled: the slot now holds a new generation); {@code removedComponents} is a flat list of
 * {@code entity, componentId} pairs removed from entities that remain; {@code changed} lists
 * {@code [entity, componentId, fieldMask, value...]} with one value per set bit of {@code fieldMask} (bit
 * {@code f} = field in declaration order; every bit set for a component new since the base). Values are
 * msgpack integers, float32 or float64 per field kind. Records are ordered by entity slot, then component id.
 */
package io.tickwire.engine.snapshot;
