// An official socket.io-client on HTTP long-polling only, keeping cookies (withCredentials) as a browser
// would, so that a load balancer's sticky-session cookie works. Usage: node polling-client.mjs <url> <name>.
// Prints {"connected":id}, {"chat":[from, text]} per chat event, {"disconnected":reason}; on stdin,
// "say <text>" emits chat(<name>, <text>).
import { io } from "socket.io-client";
import { createInterface } from "node:readline";

const [url, name] = process.argv.slice(2);
const socket = io(url, { transports: ["polling"], withCredentials: true, reconnection: false });
socket.on("connect", () => console.log(JSON.stringify({ connected: socket.id })));
socket.on("connect_error", (e) => console.log(JSON.stringify({ connectError: e.message })));
socket.on("chat", (from, text) => console.log(JSON.stringify({ chat: [from, text] })));
socket.on("disconnect", (reason) => console.log(JSON.stringify({ disconnected: reason })));
createInterface({ input: process.stdin }).on("line", (line) => {
  if (line.startsWith("say ")) socket.emit("chat", name, line.slice(4));
});
