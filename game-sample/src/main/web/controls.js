// Keyboard and mouse: WASD or arrows to move, the mouse to aim, the left button (or space) to shoot.
const KEYS = {
  KeyW: [0, -1], ArrowUp: [0, -1],
  KeyS: [0, 1], ArrowDown: [0, 1],
  KeyA: [-1, 0], ArrowLeft: [-1, 0],
  KeyD: [1, 0], ArrowRight: [1, 0],
};

export class Controls {
  constructor(canvas) {
    this.held = new Set();
    this.mouseX = 0;
    this.mouseY = 0;
    this.firing = false;
    window.addEventListener("keydown", (e) => {
      if (e.target instanceof HTMLInputElement) return;
      if (KEYS[e.code] || e.code === "Space") e.preventDefault();
      if (e.code === "Space") this.firing = true;
      else this.held.add(e.code);
    });
    window.addEventListener("keyup", (e) => {
      if (e.code === "Space") this.firing = false;
      else this.held.delete(e.code);
    });
    window.addEventListener("blur", () => {
      this.held.clear();
      this.firing = false;
    });
    canvas.addEventListener("mousemove", (e) => {
      this.mouseX = e.offsetX;
      this.mouseY = e.offsetY;
    });
    canvas.addEventListener("mousedown", (e) => {
      if (e.button === 0) this.firing = true;
    });
    window.addEventListener("mouseup", (e) => {
      if (e.button === 0) this.firing = false;
    });
    canvas.addEventListener("contextmenu", (e) => e.preventDefault());
  }

  /** The held direction, each axis -1, 0 or 1. */
  direction() {
    let dx = 0;
    let dy = 0;
    for (const code of this.held) {
      const d = KEYS[code];
      if (d) {
        dx += d[0];
        dy += d[1];
      }
    }
    return [Math.sign(dx), Math.sign(dy)];
  }
}

/** The 5-byte input: dx, dy, aim (int16, 1/10000 rad), buttons (bit 0: fire). */
export function encodeInput(dx, dy, aim, firing) {
  const buffer = new ArrayBuffer(5);
  const view = new DataView(buffer);
  view.setInt8(0, dx);
  view.setInt8(1, dy);
  view.setInt16(2, Math.round(Math.atan2(Math.sin(aim), Math.cos(aim)) * 10000));
  view.setUint8(4, firing ? 1 : 0);
  return buffer;
}
