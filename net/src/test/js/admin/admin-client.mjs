// What the admin UI sends and receives, with the official socket.io-client: connects to /admin with the given
// credentials (or none), prints each admin event it gets, and sends the UI's actions on stdin.
// Usage: node admin-client.mjs <url> <username|-> <password|->. Commands: join <nsp> <room> <filter> |
// leave <nsp> <room> <filter> | disconnect <nsp> <filter> | emit <nsp> <filter> <event> <arg> | exit.
// Prints {ev, ...} per line: connect, connect_error, session, config, all_sockets, server_stats, socket_connected,
// socket_updated, socket_disconnected, room_joined, room_left, event_received, event_sent.
import { io } from "socket.io-client";
import readline from "node:readline";

const [url, username, password] = process.argv.slice(2);
const out = (o) => console.log(JSON.stringify(o));
const auth = username === "-" ? {} : { username, password };
const socket = io(url + "/admin", { auth, transports: ["websocket"], reconnection: false });
socket.on("connect", () => out({ ev: "connect" }));
socket.on("connect_error", (e) => out({ ev: "connect_error", message: e.message }));
socket.on("session", (id) => out({ ev: "session", id }));
socket.on("config", (c) => out({ ev: "config", ...c }));
socket.on("all_sockets", (s) => out({ ev: "all_sockets", sockets: s }));
socket.on("server_stats", (s) => out({ ev: "server_stats", ...s }));
for (const ev of ["socket_connected", "socket_updated", "socket_disconnected", "room_joined", "room_left", "event_received", "event_sent"]) {
  socket.on(ev, (...args) => out({ ev, args }));
}
readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const [cmd, a, b, c, d] = line.trim().split(" ");
  switch (cmd) {
    case "join": socket.emit("join", a, b, c); break;
    case "leave": socket.emit("leave", a, b, c); break;
    case "disconnect": socket.emit("_disconnect", a, false, b); break;
    case "emit": socket.emit("emit", a, b, c, d); break;
    case "exit": socket.close(); process.exit(0);
  }
});
