// The game's connection: one Socket.IO manager (official client, msgpack parser, WebSocket) carrying the
// game namespace /game (GameServer's protocol, net/README.md "Game protocol") and the root namespace (the
// lobby's `arenas`). Decodes state snapshots into a short history, answers acked game events, and keeps the
// figures the network panel shows.
import { Manager } from "socket.io-client";
import * as parser from "socket.io-msgpack-parser";
import { decode } from "notepack.io";
import { applySnapshot, decodeSnapshot } from "./snapshot.js";
import { SNAPSHOT_EVERY_TICKS } from "./rules.js";

const HISTORY = 40; // states kept as bases for deltas (the server keeps 32 ticks' worth)
const PING_EVERY_MS = 1000;
const ACTION_PING = 1;

export class Connection {
  constructor(url) {
    this.manager = new Manager(url, { parser, transports: ["websocket"] });
    this.game = this.manager.socket("/game");
    this.root = this.manager.socket("/");
    this.states = new Map(); // tick -> state
    this.latest = null;
    this.ackedTick = -1;
    this.lastInputs = new Map(); // playerId -> last input seq the server applied
    this.listeners = new Map();
    this.seenTokens = new Set();
    this.stats = { pingMs: null, snapshotsPerSecond: 0, bytesPerSecond: 0, dropped: 0, fullSnapshots: 0 };
    this.window = { snapshots: 0, bytes: 0, since: performance.now() };
    this.game.on("state", (bytes, lastInputs) => this.onState(bytes, lastInputs));
    for (const event of ["hit", "kill", "results"]) {
      this.game.on(event, (payload, token, ack) => this.onCritical(event, payload, token, ack));
    }
    this.game.on("roster", (payload) => this.emitLocal("roster", decode(payload)));
    this.game.on("left", (why) => this.emitLocal("left", why));
    this.game.on("rejoined", (answer) => this.emitLocal("rejoined", answer));
    this.game.on("connect", () => this.emitLocal("connect"));
    this.game.on("disconnect", (reason) => this.emitLocal("disconnect", reason));
    this.pinger = setInterval(() => this.ping(), PING_EVERY_MS);
  }

  on(event, listener) {
    if (!this.listeners.has(event)) this.listeners.set(event, []);
    this.listeners.get(event).push(listener);
  }

  emitLocal(event, ...args) {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }

  /** GameServer's `list` and the lobby's `arenas`, merged by match id. */
  async arenas() {
    const [listed, statuses] = await Promise.all([
      this.game.timeout(3000).emitWithAck("list", { mode: "arena" }),
      this.root.timeout(3000).emitWithAck("arenas"),
    ]);
    const byId = new Map(statuses.map((s) => [s.matchId, s]));
    return (listed.matches ?? []).map((m) => ({ ...m, ...(byId.get(m.matchId) ?? {}) }));
  }

  /** `joinOrCreate`, `create` or `join` with the player's name as join data; resolves with the answer. */
  async enter(request, name) {
    const joinData = new TextEncoder().encode(name).buffer;
    const answer = await this.game.timeout(5000).emitWithAck(request.event, { ...request.args, joinData });
    if (answer.ok) {
      this.game.auth = { token: answer.token }; // a reconnection brings us back into the seat
      this.resetStates();
    }
    return answer;
  }

  leave() {
    this.game.emit("leave");
    this.game.auth = {};
    this.resetStates();
  }

  resetStates() {
    this.seenTokens.clear(); // tokens count per match
    this.states.clear();
    this.latest = null;
    this.ackedTick = -1;
  }

  /** Sends one input: its payload bytes (an ArrayBuffer) with the tick of the latest state decoded. */
  sendInput(seq, payload) {
    this.game.emit("input", seq, this.ackedTick, payload);
  }

  ping() {
    if (!this.game.connected || !this.latest) return;
    const sent = performance.now();
    this.game
      .timeout(5000)
      .emitWithAck("action", new Uint8Array([ACTION_PING]).buffer)
      .then((answer) => {
        if (answer.ok) this.stats.pingMs = performance.now() - sent;
      })
      .catch(() => {});
  }

  onState(bytes, lastInputs) {
    const snapshot = decodeSnapshot(bytes);
    const base = snapshot.baseTick === -1 ? null : this.states.get(snapshot.baseTick);
    if (snapshot.baseTick !== -1 && !base) {
      this.ackedTick = -1; // a delta against a state we no longer hold: ask for a full one
      return;
    }
    if (this.latest && snapshot.tick <= this.latest.tick) return; // late: a newer state was applied
    if (snapshot.baseTick === -1) this.stats.fullSnapshots++;
    if (this.latest) {
      this.stats.dropped += Math.max(0, Math.round((snapshot.tick - this.latest.tick) / SNAPSHOT_EVERY_TICKS) - 1);
    }
    const state = applySnapshot(base, snapshot);
    state.receivedAt = performance.now();
    this.states.set(state.tick, state);
    for (const tick of this.states.keys()) {
      if (tick < state.tick - HISTORY * SNAPSHOT_EVERY_TICKS) this.states.delete(tick);
    }
    this.latest = state;
    this.ackedTick = state.tick;
    this.lastInputs.clear();
    for (let i = 0; i + 1 < lastInputs.length; i += 2) this.lastInputs.set(lastInputs[i], lastInputs[i + 1]);
    this.window.snapshots++;
    this.window.bytes += bytes.byteLength;
    const now = performance.now();
    if (now - this.window.since >= 1000) {
      const seconds = (now - this.window.since) / 1000;
      this.stats.snapshotsPerSecond = this.window.snapshots / seconds;
      this.stats.bytesPerSecond = this.window.bytes / seconds;
      this.window = { snapshots: 0, bytes: 0, since: now };
    }
    this.emitLocal("state", state);
  }

  onCritical(event, payload, token, ack) {
    ack(); // acknowledged even when a retry repeats it; handled once per token
    const key = event + ":" + token;
    if (this.seenTokens.has(key)) return;
    this.seenTokens.add(key);
    if (this.seenTokens.size > 500) this.seenTokens.delete(this.seenTokens.values().next().value);
    this.emitLocal(event, decode(payload));
  }
}
