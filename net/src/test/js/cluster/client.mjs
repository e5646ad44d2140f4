// An official socket.io-client that joins a room and reports what it receives.
// Usage: node client.mjs <url> <room> [transport]. Prints {"connected":id}, then {"event":…,"args":[…]} per event;
// an event whose last argument is an acknowledgement callback is answered with "ack from <room>".
import { io } from "socket.io-client";

const [url, room, transport = "websocket"] = process.argv.slice(2);
const socket = io(url, { query: { room }, transports: [transport], reconnection: false });
socket.on("connect", () => console.log(JSON.stringify({ connected: socket.id })));
socket.on("connect_error", (e) => console.log(JSON.stringify({ connectError: e.message })));
socket.onAny((event, ...args) => {
  const last = args[args.length - 1];
  if (typeof last === "function") {
    args.pop();
    last("ack from " + room);
  }
  console.log(JSON.stringify({ event, args: args.map((a) => (a instanceof Buffer || a instanceof ArrayBuffer ? { bytes: [...new Uint8Array(a)] } : a)) }));
});
socket.on("disconnect", (reason) => console.log(JSON.stringify({ disconnected: reason })));
