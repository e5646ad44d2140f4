// The arena's rules as the server has them (io.tickwire.sample.arena.ArenaRules and ArenaMap): the movement
// code is the same, in float32 arithmetic (Math.fround after every operation), so predictions match the
// server's positions exactly when no input was lost.
const f = Math.fround;

export const WIDTH = 1600;
export const HEIGHT = 1000;
export const AVATAR_RADIUS = 18;
export const SPEED_PER_SECOND = 260;
export const STEP_SECONDS = f(1 / 30);
export const MAX_HEALTH = 100;
export const SHOT_RADIUS = 5;
export const SNAPSHOT_EVERY_TICKS = 3; // 60 Hz simulation, state at 20 Hz

/** Obstacles as [x, y, width, height] (top-left corner). */
export const OBSTACLES = [
  [340, 190, 130, 130],
  [1130, 190, 130, 130],
  [340, 680, 130, 130],
  [1130, 680, 130, 130],
  [730, 420, 140, 160],
  [700, 90, 200, 36],
  [700, 874, 200, 36],
];

const DIAGONAL = f(0.70710677);
const STEP = f(SPEED_PER_SECOND * STEP_SECONDS);

function overlaps(x, y, r, [ox, oy, w, h]) {
  return f(x + r) > ox && f(x - r) < f(ox + w) && f(y + r) > oy && f(y - r) < f(oy + h);
}

function clamp(v, min, max) {
  return v < min ? min : Math.min(v, max);
}

/** One movement input (dx, dy in -1..1) from (x, y): the server's ArenaMap.move of one step. */
export function step(x, y, dx, dy) {
  if (dx === 0 && dy === 0) return [x, y];
  const s = f(STEP * (dx !== 0 && dy !== 0 ? DIAGONAL : 1));
  const mx = f(dx * s);
  const my = f(dy * s);
  const r = AVATAR_RADIUS;
  let nx = clamp(f(x + mx), r, WIDTH - r);
  for (const o of OBSTACLES) {
    if (overlaps(nx, y, r, o)) nx = mx > 0 ? f(o[0] - r) : f(f(o[0] + o[2]) + r);
  }
  let ny = clamp(f(y + my), r, HEIGHT - r);
  for (const o of OBSTACLES) {
    if (overlaps(nx, ny, r, o)) ny = my > 0 ? f(o[1] - r) : f(f(o[1] + o[3]) + r);
  }
  return [nx, ny];
}

/** Whether a shot at (x, y) would be gone: off the floor or inside an obstacle (the server's ArenaMap.blocks). */
export function blocks(x, y, radius) {
  if (x < 0 || y < 0 || x > WIDTH || y > HEIGHT) return true;
  return OBSTACLES.some((o) => overlaps(x, y, radius, o));
}

/** Whether the segment between two points is clear of obstacles (sampled every 10 units, as the bots see). */
export function lineOfSight(x0, y0, x1, y1) {
  const samples = Math.max(1, Math.floor(Math.hypot(x1 - x0, y1 - y0) / 10));
  for (let s = 1; s < samples; s++) {
    const t = s / samples;
    const x = x0 + (x1 - x0) * t;
    const y = y0 + (y1 - y0) * t;
    if (OBSTACLES.some((o) => overlaps(x, y, 0, o))) return false;
  }
  return true;
}
