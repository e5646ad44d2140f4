// Draws one frame of the arena on a 2D canvas: floor and grid, obstacles, shots, avatars with their aim,
// names and health bars, hit flashes. World units are scaled to fit the window; `toScreen`/`toWorld` convert.
import { AVATAR_RADIUS, HEIGHT, MAX_HEALTH, OBSTACLES, SHOT_RADIUS, WIDTH } from "./rules.js";

const MARGIN = 12;
const TOP = 56; // room for the round timer
const BOTTOM = 46; // room for the network panel and the help line
const SIDE = 220; // room on the right for the scoreboard and kill feed, when the window is wide enough
const PALETTE = ["#ff6b6b", "#ffd166", "#90be6d", "#dee2e6", "#ff8fab", "#f9844a", "#c77dff", "#8ecae6"]; // ids 0, 1, 2, 3 and bots -1, -2, -3, -4 from the end
export const ME_COLOUR = "#3ee0c5";

export function colourOf(playerId, me) {
  if (me) return ME_COLOUR;
  return PALETTE[((playerId % PALETTE.length) + PALETTE.length) % PALETTE.length];
}

export class Renderer {
  constructor(canvas) {
    this.canvas = canvas;
    this.ctx = canvas.getContext("2d");
    this.scale = 1;
    this.originX = 0;
    this.originY = 0;
  }

  fit() {
    const ratio = window.devicePixelRatio || 1;
    const w = this.canvas.clientWidth;
    const h = this.canvas.clientHeight;
    if (this.canvas.width !== Math.round(w * ratio) || this.canvas.height !== Math.round(h * ratio)) {
      this.canvas.width = Math.round(w * ratio);
      this.canvas.height = Math.round(h * ratio);
    }
    const side = w > 900 ? SIDE : 0;
    this.scale = Math.min((w - 2 * MARGIN - side) / WIDTH, (h - TOP - BOTTOM) / HEIGHT);
    this.originX = (w - side - WIDTH * this.scale) / 2;
    this.originY = TOP + (h - TOP - BOTTOM - HEIGHT * this.scale) / 2;
    this.ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  }

  /** CSS pixels in the canvas for a world point. */
  toScreen(x, y) {
    return [this.originX + x * this.scale, this.originY + y * this.scale];
  }

  /** The world point under CSS pixel (sx, sy) of the canvas. */
  toWorld(sx, sy) {
    return [(sx - this.originX) / this.scale, (sy - this.originY) / this.scale];
  }

  draw(view) {
    this.fit();
    const c = this.ctx;
    c.fillStyle = "#0b1220";
    c.fillRect(0, 0, this.canvas.clientWidth, this.canvas.clientHeight);
    c.save();
    c.translate(this.originX, this.originY);
    c.scale(this.scale, this.scale);
    this.floor(c);
    for (const shot of view.shots) this.shot(c, shot);
    for (const a of view.avatars) if (a.hp === 0) this.ghost(c, a);
    for (const a of view.avatars) if (a.hp > 0) this.avatar(c, a);
    for (const a of view.avatars) if (a.hp > 0) this.label(c, a);
    c.restore();
  }

  floor(c) {
    c.fillStyle = "#141d31";
    c.fillRect(0, 0, WIDTH, HEIGHT);
    c.strokeStyle = "rgba(148, 170, 214, 0.07)";
    c.lineWidth = 1;
    c.beginPath();
    for (let x = 50; x < WIDTH; x += 50) {
      c.moveTo(x, 0);
      c.lineTo(x, HEIGHT);
    }
    for (let y = 50; y < HEIGHT; y += 50) {
      c.moveTo(0, y);
      c.lineTo(WIDTH, y);
    }
    c.stroke();
    c.strokeStyle = "#3b4a6b";
    c.lineWidth = 4;
    c.strokeRect(2, 2, WIDTH - 4, HEIGHT - 4);
    for (const [x, y, w, h] of OBSTACLES) {
      c.fillStyle = "#26324d";
      c.fillRect(x, y, w, h);
      c.fillStyle = "#32426a";
      c.fillRect(x, y, w, 8);
      c.strokeStyle = "#4d6191";
      c.lineWidth = 2;
      c.strokeRect(x + 1, y + 1, w - 2, h - 2);
    }
  }

  shot(c, s) {
    const length = 0.025;
    c.strokeStyle = "rgba(255, 236, 153, 0.35)";
    c.lineWidth = SHOT_RADIUS * 1.4;
    c.lineCap = "round";
    c.beginPath();
    c.moveTo(s.x - s.vx * length, s.y - s.vy * length);
    c.lineTo(s.x, s.y);
    c.stroke();
    c.fillStyle = "#fff3b0";
    c.beginPath();
    c.arc(s.x, s.y, SHOT_RADIUS, 0, Math.PI * 2);
    c.fill();
  }

  avatar(c, a) {
    const colour = colourOf(a.playerId, a.me);
    c.save();
    c.translate(a.x, a.y);
    c.rotate(a.aim);
    c.fillStyle = "#0b1220";
    c.fillRect(AVATAR_RADIUS - 6, -4, 18, 8);
    c.fillStyle = "#d7deeb";
    c.fillRect(AVATAR_RADIUS - 4, -3, 15, 6);
    c.restore();
    c.fillStyle = a.flash ? "#ffffff" : colour;
    c.beginPath();
    c.arc(a.x, a.y, AVATAR_RADIUS, 0, Math.PI * 2);
    c.fill();
    c.lineWidth = 3;
    c.strokeStyle = a.me ? "#e6fffb" : "rgba(11, 18, 32, 0.8)";
    c.stroke();
    if (a.bot) {
      c.fillStyle = "rgba(11, 18, 32, 0.55)";
      c.font = "bold 13px system-ui, sans-serif";
      c.textAlign = "center";
      c.textBaseline = "middle";
      c.fillText("B", a.x, a.y + 1);
    }
  }

  label(c, a) {
    const w = 44;
    const top = a.y - AVATAR_RADIUS - 12;
    c.fillStyle = "rgba(0, 0, 0, 0.55)";
    c.fillRect(a.x - w / 2 - 1, top - 1, w + 2, 7);
    const health = a.hp / MAX_HEALTH;
    c.fillStyle = health > 0.6 ? "#5dd39e" : health > 0.3 ? "#f4c95d" : "#ef5b5b";
    c.fillRect(a.x - w / 2, top, w * health, 5);
    c.font = (a.me ? "bold " : "") + "13px system-ui, sans-serif";
    c.textAlign = "center";
    c.textBaseline = "bottom";
    c.fillStyle = "rgba(0, 0, 0, 0.6)";
    c.fillText(a.name, a.x + 1, top - 3);
    c.fillStyle = a.me ? ME_COLOUR : "#e8ecf4";
    c.fillText(a.name, a.x, top - 4);
  }

  ghost(c, a) {
    c.strokeStyle = "rgba(232, 236, 244, 0.35)";
    c.lineWidth = 3;
    const r = AVATAR_RADIUS * 0.6;
    c.beginPath();
    c.moveTo(a.x - r, a.y - r);
    c.lineTo(a.x + r, a.y + r);
    c.moveTo(a.x + r, a.y - r);
    c.lineTo(a.x - r, a.y + r);
    c.stroke();
    c.font = "12px system-ui, sans-serif";
    c.textAlign = "center";
    c.textBaseline = "bottom";
    c.fillStyle = "rgba(232, 236, 244, 0.6)";
    c.fillText(a.name + (a.respawnMs > 0 ? " · " + Math.ceil(a.respawnMs / 1000) + "s" : ""), a.x, a.y - r - 4);
  }
}
