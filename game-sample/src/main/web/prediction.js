// Client-side prediction of the local avatar with reconciliation by input sequence. Every input is one
// movement step on the server (rules.js `step`); the server's state says which of our inputs it applied last
// (`lastInputs`), so our position is the server's plus the steps of the inputs it has not applied yet. A
// correction (the server dropped or moved us) is not shown as a jump: the difference fades out over ~100 ms.
import { step } from "./rules.js";

const MAX_PENDING = 120;

export class Prediction {
  constructor() {
    this.pending = []; // {seq, dx, dy}
    this.x = null;
    this.y = null;
    this.errorX = 0;
    this.errorY = 0;
  }

  /** Records an input just sent; applies its step at once when we are free to move. */
  input(seq, dx, dy, canMove) {
    this.pending.push({ seq, dx, dy });
    if (this.pending.length > MAX_PENDING) this.pending.shift();
    if (canMove && this.x !== null) [this.x, this.y] = step(this.x, this.y, dx, dy);
  }

  /** A new server state: our avatar is at (x, y) having applied inputs up to `ackedSeq`. */
  reconcile(x, y, ackedSeq, canMove) {
    this.pending = this.pending.filter((i) => i.seq > ackedSeq);
    let px = x;
    let py = y;
    if (canMove) for (const i of this.pending) [px, py] = step(px, py, i.dx, i.dy);
    if (this.x !== null) {
      const jumpX = this.x + this.errorX - px;
      const jumpY = this.y + this.errorY - py;
      const far = Math.hypot(jumpX, jumpY) > 120; // respawned or teleported: no smoothing
      this.errorX = far ? 0 : jumpX;
      this.errorY = far ? 0 : jumpY;
    }
    this.x = px;
    this.y = py;
  }

  /** Where to draw the avatar now; call once per frame. */
  displayed(frameSeconds) {
    const fade = Math.exp(-frameSeconds / 0.1);
    this.errorX *= fade;
    this.errorY *= fade;
    return [this.x + this.errorX, this.y + this.errorY];
  }

  reset() {
    this.pending = [];
    this.x = this.y = null;
    this.errorX = this.errorY = 0;
  }
}
