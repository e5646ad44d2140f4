// One player of the test game (CounterGame) driven line by line from a Java test.
// Usage: node player.mjs <url> <name> [msgpack|default] [websocket|polling] (the parser, msgpack unless told;
// the only transport allowed, websocket unless told). Commands on stdin, one per line:
//   joinOrCreate <mode> | join <matchId> | claim <reservationToken> | list <mode> | input <seq> <int> | inputBytes <seq> <n>
//   action <byte> | actions <byte> <count> | flood <count> | ignoreCritical | forgetToken | drop | stopReading | transport | leave | exit
// Prints one JSON object per line: {ev: "ready" | "reply" | "state" | "critical" | "rejoined" | "left" | "disconnect", ...}.
import { io } from "socket.io-client";
import * as msgpackParser from "socket.io-msgpack-parser";
import notepack from "notepack.io";
import readline from "node:readline";

const [url, name, parserName = "msgpack", transport = "websocket"] = process.argv.slice(2);
const out = (o) => console.log(JSON.stringify({ name, ...o }));
const socket = io(url + "/game", {
  forceNew: true, transports: [transport],
  ...(parserName === "msgpack" ? { parser: msgpackParser } : {}),
  reconnectionDelay: 100, reconnectionDelayMax: 200,
});

let lastTick = -1;
let counter = null;
let ackCritical = true;
let states = 0;

socket.on("connect", () => out({ ev: "ready", id: socket.id }));
socket.on("disconnect", (reason) => out({ ev: "disconnect", reason }));
socket.on("rejoined", (r) => out({ ev: "rejoined", recovered: socket.recovered, ...r }));
socket.on("left", (r) => out({ ev: "left", ...r }));
socket.on("state", (bytes, lastInputs) => {
  const [tick, base, removed, , changed] = notepack.decode(bytes);
  for (const record of changed) {
    // [entity, componentId, fieldMask, value]: ballast entities hold values from 1,000,000 up
    if (record[3] < 1000000) counter = record[3];
  }
  lastTick = tick;
  states++;
  out({ ev: "state", tick, base, counter, bytes: bytes.length, changed: changed.length, lastInputs, states,
    entities: changed.map((record) => record[0]), removed });
});
socket.on("critical", (payload, token, ack) => {
  out({ ev: "critical", token, payload: [...payload] });
  if (ackCritical) ack(Buffer.from([7, 7]));
});

const reply = (req) => (r) => out({ ev: "reply", req, ...r,
  result: r && r.result ? [...r.result] : undefined });
const int32 = (n) => { const b = Buffer.alloc(4); b.writeInt32BE(n); return b; };

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const [cmd, a, b] = line.trim().split(" ");
  switch (cmd) {
    case "joinOrCreate": socket.emit("joinOrCreate", { mode: a }, (r) => {
      if (r.ok) socket.auth = { token: r.token };
      reply(cmd)(r);
    }); break;
    case "join": socket.emit("join", { matchId: a }, (r) => {
      if (r.ok) socket.auth = { token: r.token };
      reply(cmd)(r);
    }); break;
    case "claim": socket.emit("claim", { reservation: a }, (r) => {
      if (r.ok) socket.auth = { token: r.token };
      reply(cmd)(r);
    }); break;
    case "list": socket.emit("list", { mode: a }, reply(cmd)); break;
    case "input": socket.emit("input", Number(a), lastTick, int32(Number(b))); break;
    case "inputBytes": socket.emit("input", Number(a), lastTick, Buffer.alloc(Number(b))); break;
    case "action": socket.timeout(5000).emit("action", Buffer.from([Number(a)]), (err, r) =>
      err ? out({ ev: "reply", req: cmd, error: "timeout" }) : reply(cmd)(r)); break;
    case "actions": for (let i = 0; i < Number(b); i++) socket.timeout(5000).emit("action", Buffer.from([Number(a)]),
      (err, r) => err ? out({ ev: "reply", req: "action", error: "timeout" }) : reply("action")(r)); break;
    case "flood": for (let i = 0; i < Number(a); i++) socket.emit("input", i, lastTick, int32(1)); out({ ev: "flooded" }); break;
    case "ignoreCritical": ackCritical = false; out({ ev: "ignoring" }); break;
    case "forgetToken": socket.auth = {}; break;
    case "drop": socket.io.engine.close(); break;
    case "stopReading": socket.io.engine.transport.ws._socket.pause(); out({ ev: "paused" }); break;
    case "transport": out({ ev: "transport", transport: socket.io.engine.transport.name }); break;
    case "leave": socket.emit("leave", reply(cmd)); break;
    case "exit": socket.close(); process.exit(0);
  }
});
