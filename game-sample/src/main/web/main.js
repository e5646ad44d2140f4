// Entry point of the arena's web client (bundled by esbuild into /app.js): lobby first, then the game;
// `window.tickwire` is a read-only hook for tests and the curious (documented in game-sample/README.md).
import { Connection } from "./connection.js";
import { Controls } from "./controls.js";
import { Game } from "./game.js";
import { Hud } from "./hud.js";
import { Lobby } from "./lobby.js";
import { Renderer } from "./render.js";
import { lineOfSight } from "./rules.js";
import * as S from "./schema.js";
import { having } from "./snapshot.js";

const canvas = document.getElementById("arena");
const connection = new Connection(location.origin);
const renderer = new Renderer(canvas);
const hud = new Hud();
const game = new Game(connection, renderer, hud, new Controls(canvas));
const lobby = new Lobby(connection, (answer) => game.start(answer));

function backToLobby(why) {
  connection.leave();
  game.stop();
  hud.hideResults();
  lobby.show();
  if (why) document.getElementById("lobby-error").textContent = why;
}

document.getElementById("leave").addEventListener("click", () => backToLobby());
connection.on("left", (why) => backToLobby("You left the arena: " + (why?.reason ?? "")));
connection.on("rejoined", (answer) => {
  if (!answer.ok && game.playerId !== null) backToLobby("Your seat was given up while you were away");
});
connection.on("disconnect", () => hud.message("Connection lost: reconnecting…"));
connection.on("connect", () => hud.message(""));
lobby.show();

function players(state) {
  const list = [];
  if (!state) return list;
  for (const [, c] of having(state, S.AVATAR, S.POS)) {
    const a = c.get(S.AVATAR);
    const [x, y] = c.get(S.POS);
    list.push({
      playerId: a[S.AVATAR_PLAYER], name: game.nameOf(a[S.AVATAR_PLAYER]), bot: a[S.AVATAR_PLAYER] < 0, x, y,
      hp: a[S.AVATAR_HP], kills: a[S.AVATAR_KILLS], deaths: a[S.AVATAR_DEATHS],
    });
  }
  return list;
}

window.tickwire = Object.freeze({
  /** A copy of what the client knows: connection, lobby, match, the latest server state, combat events, network figures. */
  state() {
    const latest = connection.latest;
    const all = game.playerId === null ? [] : players(latest);
    const round = latest ? game.mine(latest)[0] : null;
    return structuredClone({
      connected: connection.game.connected,
      inGame: game.playerId !== null,
      matchId: game.matchId,
      playerId: game.playerId,
      tick: latest?.tick ?? null,
      round: round && { number: round[S.ROUND_NUMBER], playing: round[S.ROUND_PHASE] === S.PHASE_PLAYING, msLeft: round[S.ROUND_MS_LEFT] },
      me: all.find((p) => p.playerId === game.playerId) ?? null,
      predicted: game.prediction.x === null ? null : { x: game.prediction.x, y: game.prediction.y },
      players: all,
      lobby: lobby.matches,
      events: game.events,
      net: connection.stats,
    });
  },
  /** Page coordinates (CSS pixels) of a world point, e.g. to aim the mouse at someone. */
  toPage(x, y) {
    const [sx, sy] = renderer.toScreen(x, y);
    const box = canvas.getBoundingClientRect();
    return { x: box.left + sx, y: box.top + sy };
  },
  lineOfSight,
});
