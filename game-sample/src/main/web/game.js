// One arena session: sends inputs at 30 Hz, predicts the local avatar, interpolates the others, draws a
// frame per animation frame and keeps the HUD up to date.
import { encodeInput } from "./controls.js";
import { DELAY_MS, Interpolation } from "./interpolation.js";
import { Prediction } from "./prediction.js";
import { blocks, SHOT_RADIUS } from "./rules.js";
import { having } from "./snapshot.js";
import * as S from "./schema.js";

const INPUT_HZ = 30;
const FLASH_MS = 120;

export class Game {
  constructor(connection, renderer, hud, controls) {
    this.connection = connection;
    this.renderer = renderer;
    this.hud = hud;
    this.controls = controls;
    this.prediction = new Prediction();
    this.interpolation = new Interpolation();
    this.names = new Map(); // playerId -> {name, bot}
    this.flashes = new Map(); // playerId -> [from, until] (ms)
    this.events = { hitsDealt: [], hitsTaken: [], kills: [] };
    this.playerId = null;
    this.matchId = null;
    this.seq = 0;
    this.aim = 0;
    this.lastFrame = performance.now();
    connection.on("state", (state) => this.onState(state));
    connection.on("roster", (rows) => {
      this.names = new Map(rows.map(([id, name, bot]) => [id, { name, bot }]));
    });
    connection.on("hit", ([attacker, victim, damage, hpLeft]) => {
      const hit = { attacker, victim, damage, hpLeft };
      if (attacker === this.playerId) this.events.hitsDealt.push(hit);
      if (victim === this.playerId) this.events.hitsTaken.push(hit);
      // others are drawn DELAY_MS in the past: flash them when the shot reaches them on screen
      const from = performance.now() + (victim === this.playerId ? 0 : DELAY_MS);
      this.flashes.set(victim, [from, from + FLASH_MS]);
    });
    connection.on("kill", ([killer, victim]) => {
      this.events.kills.push({ killer, victim });
      this.hud.kill(this.nameOf(killer), this.nameOf(victim), killer === this.playerId || victim === this.playerId);
    });
    connection.on("results", (result) => this.hud.results(result, new Map([...this.names].map(([id, n]) => [id, n.name])), this.playerId));
    setInterval(() => this.sendInput(), 1000 / INPUT_HZ);
    requestAnimationFrame(() => this.frame());
  }

  start(answer) {
    this.playerId = answer.playerId;
    this.matchId = answer.matchId;
    this.prediction.reset();
    this.interpolation.reset();
    this.events = { hitsDealt: [], hitsTaken: [], kills: [] };
    this.hud.hideResults();
    document.getElementById("game").classList.add("playing");
  }

  stop() {
    document.getElementById("game").classList.remove("playing");
    this.playerId = null;
    this.matchId = null;
  }

  flashing(playerId, nowMs) {
    const [from, until] = this.flashes.get(playerId) ?? [0, 0];
    return nowMs >= from && nowMs < until;
  }

  nameOf(playerId) {
    return this.names.get(playerId)?.name ?? (playerId < 0 ? "bot" : "player " + playerId);
  }

  /** The latest state's round and my avatar: [round values, my avatar components or null]. */
  mine(state) {
    let round = null;
    let me = null;
    for (const [, components] of state.entities) {
      if (components.has(S.ROUND)) round = components.get(S.ROUND);
      const avatar = components.get(S.AVATAR);
      if (avatar && avatar[S.AVATAR_PLAYER] === this.playerId) me = components;
    }
    return [round, me];
  }

  canMove(state) {
    if (!state) return false;
    const [round, me] = this.mine(state);
    return !!me && round?.[S.ROUND_PHASE] === S.PHASE_PLAYING && me.get(S.AVATAR)[S.AVATAR_HP] > 0;
  }

  onState(state) {
    if (this.playerId === null) return;
    this.interpolation.push(state);
    const [round, me] = this.mine(state);
    if (round?.[S.ROUND_PHASE] === S.PHASE_PLAYING) this.hud.hideResults();
    if (me) {
      const [x, y] = me.get(S.POS);
      this.prediction.reconcile(x, y, this.connection.lastInputs.get(this.playerId) ?? -1, this.canMove(state));
    }
  }

  sendInput() {
    if (this.playerId === null || !this.connection.game.connected || !this.connection.latest) return;
    const [dx, dy] = this.controls.direction();
    if (this.prediction.x !== null) {
      const [mx, my] = this.renderer.toWorld(this.controls.mouseX, this.controls.mouseY);
      this.aim = Math.atan2(my - this.prediction.y, mx - this.prediction.x);
    }
    const seq = this.seq++;
    this.connection.sendInput(seq, encodeInput(dx, dy, this.aim, this.controls.firing));
    this.prediction.input(seq, dx, dy, this.canMove(this.connection.latest));
  }

  /** What to draw now: interpolated others, predicted me, extrapolated shots. */
  view(nowMs) {
    const avatars = [];
    const shots = [];
    const renderTime = this.interpolation.renderTime(nowMs);
    const around = renderTime === null ? null : this.interpolation.around(renderTime);
    if (!around) return { avatars, shots, round: null };
    const [older, newer, t] = around;
    const [mx, my] = this.prediction.x === null ? [null, null] : this.prediction.displayed((nowMs - this.lastFrame) / 1000);
    for (const [entity, components] of having(newer.state, S.AVATAR, S.POS)) {
      const avatar = components.get(S.AVATAR);
      const playerId = avatar[S.AVATAR_PLAYER];
      const me = playerId === this.playerId;
      let [x, y] = components.get(S.POS);
      let aim = avatar[S.AVATAR_AIM];
      const before = older.state.entities.get(entity);
      if (before?.has(S.POS) && before.has(S.AVATAR)) {
        const [x0, y0] = before.get(S.POS);
        if (Math.hypot(x - x0, y - y0) < 150) {
          x = x0 + (x - x0) * t;
          y = y0 + (y - y0) * t;
          const a0 = before.get(S.AVATAR)[S.AVATAR_AIM];
          aim = a0 + Math.atan2(Math.sin(aim - a0), Math.cos(aim - a0)) * t;
        }
      }
      if (me && mx !== null && avatar[S.AVATAR_HP] > 0) {
        [x, y] = [mx, my];
        aim = this.aim;
      }
      avatars.push({
        playerId, me, x, y, aim,
        hp: avatar[S.AVATAR_HP], kills: avatar[S.AVATAR_KILLS], deaths: avatar[S.AVATAR_DEATHS],
        respawnMs: avatar[S.AVATAR_RESPAWN_MS], name: this.nameOf(playerId), bot: playerId < 0,
        flash: this.flashing(playerId, nowMs),
      });
    }
    // others' shots where the others are drawn (in the past); ours in the present, next to our predicted self
    const present = this.interpolation.frames[this.interpolation.frames.length - 1];
    for (const [frame, mine] of [[older, false], [present, true]]) {
      const dt = Math.max(0, (renderTime + (mine ? DELAY_MS : 0) - frame.serverMs) / 1000);
      for (const [, components] of having(frame.state, S.SHOT, S.POS, S.VEL)) {
        if ((components.get(S.SHOT)[0] === this.playerId) !== mine) continue;
        const [x, y] = components.get(S.POS);
        const [vx, vy] = components.get(S.VEL);
        const shot = { x: x + vx * dt, y: y + vy * dt, vx, vy };
        if (!blocks(shot.x, shot.y, SHOT_RADIUS)) shots.push(shot);
      }
    }
    return { avatars, shots };
  }

  frame() {
    const now = performance.now();
    if (this.playerId !== null) {
      const view = this.view(now);
      this.renderer.draw(view);
      const latest = this.connection.latest;
      if (latest) {
        const [round] = this.mine(latest);
        if (round) this.hud.round(round[S.ROUND_NUMBER], round[S.ROUND_PHASE] === S.PHASE_PLAYING, round[S.ROUND_MS_LEFT]);
        this.hud.scoreboard(view.avatars);
      }
      this.hud.net(this.connection.stats, latest?.tick);
      this.hud.drawFeed();
    } else {
      this.renderer.draw({ avatars: [], shots: [] });
    }
    this.lastFrame = now;
    requestAnimationFrame(() => this.frame());
  }
}
