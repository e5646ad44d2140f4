// Snapshot interpolation of everything but the local avatar: drawn ~100 ms in the past, between the two
// states around that moment. States are placed on the server's timeline by the clock entity (epoch
// microseconds when the snapshot was taken); our offset to the server clock is the smallest arrival delay
// seen lately, so network jitter shows as a slightly later picture, not as stutter.
import { CLOCK } from "./schema.js";

export const DELAY_MS = 100;
const KEEP = 30;

export class Interpolation {
  constructor() {
    this.frames = []; // {serverMs, state}, oldest first
    this.offsets = []; // serverMs - arrival, recent
  }

  push(state) {
    let clock = null;
    for (const components of state.entities.values()) {
      if ((clock = components.get(CLOCK))) break;
    }
    if (!clock) return;
    const serverMs = clock[0] / 1000;
    this.frames.push({ serverMs, state });
    if (this.frames.length > KEEP) this.frames.shift();
    this.offsets.push(serverMs - state.receivedAt);
    if (this.offsets.length > 40) this.offsets.shift();
  }

  /** The server time being drawn now: the latest arrival's clock minus the delay. */
  renderTime(nowMs) {
    if (this.offsets.length === 0) return null;
    return nowMs + Math.max(...this.offsets) - DELAY_MS;
  }

  /** [older, newer, t]: the two frames around `serverMs` and how far between them (0..1), or null. */
  around(serverMs) {
    const f = this.frames;
    if (f.length === 0) return null;
    if (serverMs <= f[0].serverMs) return [f[0], f[0], 0];
    for (let i = f.length - 1; i >= 0; i--) {
      if (f[i].serverMs <= serverMs) {
        const next = f[i + 1] ?? f[i];
        const span = next.serverMs - f[i].serverMs;
        return [f[i], next, span > 0 ? Math.min(1, (serverMs - f[i].serverMs) / span) : 0];
      }
    }
    return null;
  }

  reset() {
    this.frames = [];
    this.offsets = [];
  }
}
