// The lobby: name entry, the arenas being played (players, bots, round, time left, leader) with Join,
// Quick play (joinOrCreate) and Create (a new arena named after the player).
const $ = (id) => document.getElementById(id);
const REFRESH_MS = 2000;

export class Lobby {
  constructor(connection, onEnter) {
    this.connection = connection;
    this.onEnter = onEnter;
    this.matches = [];
    this.timer = null;
    const name = $("name");
    name.value = localStorage.getItem("tickwire.name") ?? "";
    name.addEventListener("change", () => localStorage.setItem("tickwire.name", name.value.trim()));
    $("quick").addEventListener("click", () => this.enter({ event: "joinOrCreate", args: { mode: "arena" } }));
    $("create").addEventListener("click", () =>
      this.enter({ event: "create", args: { mode: "arena", labels: { title: this.name() + "'s arena" } } }));
  }

  name() {
    return $("name").value.trim().slice(0, 16) || "player";
  }

  show() {
    $("lobby").hidden = false;
    $("game").classList.add("behind");
    this.refresh();
    this.timer = setInterval(() => this.refresh(), REFRESH_MS);
  }

  hide() {
    $("lobby").hidden = true;
    $("game").classList.remove("behind");
    clearInterval(this.timer);
  }

  async enter(request) {
    localStorage.setItem("tickwire.name", this.name());
    $("lobby-error").textContent = "";
    try {
      const answer = await this.connection.enter(request, this.name());
      if (!answer.ok) throw new Error(answer.error);
      this.hide();
      this.onEnter(answer);
    } catch (e) {
      $("lobby-error").textContent = "Could not join: " + e.message;
    }
  }

  async refresh() {
    try {
      this.matches = await this.connection.arenas();
    } catch {
      return; // not connected yet; the next refresh tries again
    }
    const body = $("arenas");
    body.replaceChildren();
    if (this.matches.length === 0) {
      const tr = document.createElement("tr");
      const td = document.createElement("td");
      td.colSpan = 6;
      td.className = "empty";
      td.textContent = "No arena yet: create one, or Quick play.";
      tr.append(td);
      body.append(tr);
    }
    for (const m of this.matches) {
      const tr = document.createElement("tr");
      tr.dataset.matchId = m.matchId;
      const cell = (text, className) => {
        const td = document.createElement("td");
        td.textContent = text;
        if (className) td.className = className;
        tr.append(td);
      };
      const seconds = Math.ceil((m.msLeft ?? 0) / 1000);
      cell(m.title ?? m.matchId, "title");
      cell(m.players + " / " + m.maxPlayers + (m.bots ? "  +" + m.bots + " bots" : ""));
      cell(m.round ? "round " + m.round : "");
      cell(m.playing === false ? "results" : "playing · " + Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0"));
      cell(m.leader ? "★ " + m.leader : "", "leader");
      const td = document.createElement("td");
      const join = document.createElement("button");
      join.textContent = "Join";
      join.className = "join";
      join.disabled = m.locked || m.players >= m.maxPlayers;
      join.addEventListener("click", () => this.enter({ event: "join", args: { matchId: m.matchId } }));
      td.append(join);
      tr.append(td);
      body.append(tr);
    }
  }
}
