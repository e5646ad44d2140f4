// A named arena player for ArenaShutdownTest, on the official client with the msgpack parser as the web client:
// joins an arena as "Zoe", acknowledges every critical message at once, and prints one JSON object per line:
// {ev: "joined" | "results" | "shutting down" | "left" | "disconnect", at: epoch ms, ...}; results decoded.
//   node game-sample/src/test/js/shutdown-player.mjs <server url>
import { io } from "socket.io-client";
import * as parser from "socket.io-msgpack-parser";
import notepack from "notepack.io";

const [url] = process.argv.slice(2);
const out = (o) => console.log(JSON.stringify({ at: Date.now(), ...o }));
const socket = io(url + "/game", { parser, transports: ["websocket"], reconnection: false });

socket.on("connect", async () => {
  const answer = await socket.timeout(5000).emitWithAck("joinOrCreate", { mode: "arena", joinData: Buffer.from("Zoe") });
  out({ ev: "joined", ok: answer.ok, matchId: answer.matchId });
});
for (const event of ["hit", "kill"]) socket.on(event, (payload, token, ack) => ack());
socket.on("results", (payload, token, ack) => {
  ack();
  out({ ev: "results", ...notepack.decode(payload) });
});
socket.on("server shutting down", (info) => out({ ev: "shutting down", ...info }));
socket.on("left", (why) => out({ ev: "left", ...why }));
socket.on("disconnect", (reason) => { out({ ev: "disconnect", reason }); process.exit(0); });
