// The engine's snapshot format (io.tickwire.engine.snapshot): [tick, baseTick, removedEntities,
// removedComponents, changed], changed records being [entity, componentId, fieldMask, ...values]. A state is
// a Map entity -> Map componentId -> values (arrays are never changed in place: states share them).
import { decode } from "notepack.io";

/** Decodes the bytes of a `state` event. */
export function decodeSnapshot(bytes) {
  const [tick, baseTick, removedEntities, removedComponents, changed] = decode(bytes);
  return { tick, baseTick, removedEntities, removedComponents, changed };
}

/** The state a snapshot describes, given the state at its base tick (null for a full snapshot). */
export function applySnapshot(base, snapshot) {
  const entities = new Map();
  if (snapshot.baseTick !== -1) {
    for (const [entity, components] of base.entities) entities.set(entity, new Map(components));
  }
  for (const entity of snapshot.removedEntities) entities.delete(entity);
  const rc = snapshot.removedComponents;
  for (let i = 0; i < rc.length; i += 2) entities.get(rc[i])?.delete(rc[i + 1]);
  for (const record of snapshot.changed) {
    const [entity, componentId, mask] = record;
    let components = entities.get(entity);
    if (!components) entities.set(entity, (components = new Map()));
    const values = (components.get(componentId) ?? []).slice();
    for (let field = 0, next = 3; field < 32; field++) {
      if (mask & (1 << field)) values[field] = record[next++];
    }
    components.set(componentId, values);
  }
  return { tick: snapshot.tick, entities };
}

/** The entities having every one of the given components: [entity, components] pairs. */
export function* having(state, ...componentIds) {
  for (const [entity, components] of state.entities) {
    if (componentIds.every((c) => components.has(c))) yield [entity, components];
  }
}
