/**
 * The entity-component-system world of one match: entities are int handles with a generation, components
 * are plain primitive data stored column by column in archetype tables (one table per distinct component
 * set), systems iterate them through queries by index without allocating, and structural changes made
 * while systems run are deferred to a command buffer applied between systems.
 *
 * <pre>
 *   ComponentType (fields) ──▶ World ──▶ Archetype {position,velocity}: entities[] x[] y[] vx[] vy[]
 *                                │   └─▶ Archetype {position}:          entities[] x[] y[]
 *   Query(position) ─────────────┴── matches both tables; GameSystem loops rows of each table
 *   GameSystem ─ world.commands().destroy(e) ─▶ CommandBuffer ─ applied after the system returns
 * </pre>
 *
 * Archetypes (structure of arrays per component set) were chosen over one sparse set per component so that a
 * multi-component loop reads parallel primitive arrays with no per-entity indirection; the figures are in
 * {@code benchmarks/RESULTS.md}, section "Engine". Threading: a world has a single writer, its loop thread.
 */
package io.tickwire.engine.ecs;
