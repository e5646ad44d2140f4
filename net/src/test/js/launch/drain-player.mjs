// A player of DrainTestServer's "drain" mode that acknowledges the server's critical "final" message only once
// the server has announced its shutdown (and 500 ms more), so the server must wait for it.
// Usage: node drain-player.mjs <url>. Prints one JSON object per line: {ev: "joined" | "final" | "shutting down" |
// "acked" | "left" | "disconnect", ...}.
import { io } from "socket.io-client";

const [url] = process.argv.slice(2);
const out = (o) => console.log(JSON.stringify({ at: Date.now(), ...o }));
const socket = io(url + "/game", { transports: ["websocket"], reconnection: false });
const pending = [];

socket.on("connect", () => socket.emit("joinOrCreate", { mode: "drain" }, (r) => out({ ev: "joined", ok: r.ok })));
socket.on("final", (payload, token, ack) => {
  out({ ev: "final", token });
  pending.push(ack);
});
socket.on("server shutting down", (info) => {
  out({ ev: "shutting down", ...info });
  setTimeout(() => {
    while (pending.length) pending.shift()(Buffer.from([1]));
    out({ ev: "acked" });
  }, 500);
});
socket.on("left", (r) => out({ ev: "left", ...r }));
socket.on("disconnect", (reason) => { out({ ev: "disconnect", reason }); process.exit(0); });
