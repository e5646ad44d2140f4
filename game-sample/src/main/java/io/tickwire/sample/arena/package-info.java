/**
 * The arena's simulation: its components (plain data, replicated ones on the wire in the order
 * {@link io.tickwire.sample.arena.ArenaComponents#registerAll} gives them), the map and movement rules the web
 * client mirrors for prediction, and the systems that run every tick on the match's loop thread.
 *
 * <pre>
 *   inputs (match package) ─▶ Control / Position / Avatar.aim
 *   WeaponSystem   Control.fire + cooldown ─▶ new projectile (Position, Velocity, Projectile, Lifetime)
 *   ProjectileSystem  moves shots; wall ─▶ gone; avatar ─▶ Avatar.hp -= damage ─▶ CombatListener.hit / kill
 *   RespawnSystem  dead avatars wait respawnMs, come back at the spawn point farthest from enemies
 *   RoundSystem    RoundState.msLeft counts down; playing ─▶ results ─▶ next round (scores reset)
 * </pre>
 */
package io.tickwire.sample.arena;
