// The DOM around the canvas while playing: round timer, scoreboard, kill feed, network panel, results.
import { colourOf } from "./render.js";

const $ = (id) => document.getElementById(id);
const FEED_MS = 6000;

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function clockText(ms) {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
}

export class Hud {
  constructor() {
    this.feed = [];
    this.lastScoreboard = "";
  }

  round(number, playing, msLeft) {
    $("round").textContent = playing
      ? "Round " + number + " · " + clockText(msLeft)
      : "Round " + number + " over · next in " + clockText(msLeft);
  }

  /** avatars: [{playerId, name, kills, deaths, me, bot}] */
  scoreboard(avatars) {
    const rows = [...avatars].sort((a, b) => b.kills - a.kills || a.deaths - b.deaths || a.name.localeCompare(b.name));
    const key = rows.map((r) => [r.playerId, r.name, r.kills, r.deaths].join()).join(";");
    if (key === this.lastScoreboard) return;
    this.lastScoreboard = key;
    const body = $("scores");
    body.replaceChildren();
    for (const r of rows) {
      const tr = el("tr", r.me ? "me" : "");
      const name = el("td", "name");
      const dot = el("span", "dot");
      dot.style.background = colourOf(r.playerId, r.me);
      name.append(dot, r.name);
      tr.append(name, el("td", "num", String(r.kills)), el("td", "num", String(r.deaths)));
      body.append(tr);
    }
  }

  kill(killerName, victimName, mine) {
    this.feed.push({ text: killerName + "  ›  " + victimName, mine, at: performance.now() });
    if (this.feed.length > 5) this.feed.shift();
    this.drawFeed();
  }

  drawFeed() {
    const now = performance.now();
    this.feed = this.feed.filter((k) => now - k.at < FEED_MS);
    $("feed").replaceChildren(...this.feed.map((k) => el("li", k.mine ? "mine" : "", k.text)));
  }

  net(stats, tick) {
    const line = (label, value) => {
      const item = el("span");
      item.append(el("i", "", label + " "), el("b", "", value));
      return item;
    };
    $("net").replaceChildren(
      line("ping", stats.pingMs === null ? "–" : Math.round(stats.pingMs) + " ms"),
      line("snapshots", stats.snapshotsPerSecond.toFixed(1) + " /s"),
      line("state", (stats.bytesPerSecond / 1024).toFixed(1) + " kB/s"),
      line("dropped", String(stats.dropped)),
      line("tick", String(tick ?? "–")),
    );
  }

  results(result, names, myId) {
    const box = $("results");
    const table = el("table");
    result.standings.forEach(([playerId, name, kills, deaths], i) => {
      const tr = el("tr", playerId === myId ? "me" : "");
      tr.append(el("td", "num", String(i + 1)), el("td", "name", names.get(playerId) ?? name),
        el("td", "num", kills + " K"), el("td", "num", deaths + " D"));
      table.append(tr);
    });
    const winner = result.standings[0];
    box.replaceChildren(el("h2", "", "Round " + result.round + " results"),
      el("p", "", winner ? (names.get(winner[0]) ?? winner[1]) + " wins the round" : ""), table,
      el("p", "hint", result.final ? "The server is shutting down: these results are final" : "Next round starts shortly"));
    box.hidden = false;
  }

  hideResults() {
    $("results").hidden = true;
  }

  message(text) {
    $("message").textContent = text;
    $("message").hidden = !text;
  }
}
