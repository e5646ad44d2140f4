// Emits and room broadcasts made by one server thread reach a socket in the order they were made.
// Usage: node emit-order.mjs <url> <clients> <count>. Each client joins the room "r" and asks for <count>
// numbered events; prints {"inOrder":<clients whose events came 0..count-1 in order>}.
import { io } from "socket.io-client";

const [url, clients, count] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];

function run() {
  const socket = io(url, { forceNew: true, reconnection: false, transports: ["websocket"] });
  return new Promise((resolve) => {
    let next = 0;
    let ordered = true;
    socket.on("n", (i) => {
      ordered &&= i === next;
      next++;
      if (next === count) {
        socket.close();
        resolve(ordered);
      }
    });
    socket.once("connect", () => socket.emit("join"));
    socket.on("joined", () => socket.emit("go"));
  });
}

const results = await Promise.all(Array.from({ length: clients }, run));
console.log(JSON.stringify({ inOrder: results.filter(Boolean).length }));
