// A plain socket.io-client on the main namespace: prints {ev: "connect", id}, every event it receives as
// {ev: "event", name, args}, and {ev: "disconnect", reason}; sends "hello" with one argument on stdin "hello <arg>".
import { io } from "socket.io-client";
import readline from "node:readline";

// a second argument "upgrade" starts on long-polling and upgrades, as the client does by default
const [url, mode] = process.argv.slice(2);
const out = (o) => console.log(JSON.stringify(o));
const transports = mode === "upgrade" ? ["polling", "websocket"] : ["websocket"];
const socket = io(url, { transports, reconnection: false });
socket.on("connect", () => out({ ev: "connect", id: socket.id }));
socket.onAny((name, ...args) => out({ ev: "event", name, args }));
socket.on("disconnect", (reason) => out({ ev: "disconnect", reason }));
readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const [cmd, arg] = line.trim().split(" ");
  if (cmd === "hello") socket.emit("hello", arg);
});
