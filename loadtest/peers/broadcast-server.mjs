// The broadcast scenario's server side on the reference socket.io server (see loadtest/README.md).
// Usage: node loadtest/peers/broadcast-server.mjs [port] [default|msgpack]
// Listens on 127.0.0.1 and prints {"port":N} once ready.
import { createServer } from "node:http";
import { Server } from "socket.io";
import * as msgpackParser from "socket.io-msgpack-parser";

const port = Number(process.argv[2] ?? 3000);
const parserName = process.argv[3] ?? "default";
const httpServer = createServer();
const io = new Server(httpServer, parserName === "msgpack" ? { parser: msgpackParser } : {});
const epochMillis = () => performance.timeOrigin + performance.now();

io.on("connection", (socket) => {
  const room = typeof socket.handshake.auth.room === "string" ? socket.handshake.auth.room : "lobby";
  socket.join(room);
  socket.on("input", (input) => {
    io.to(room).emit("state", { seq: input.seq, from: socket.id, t: epochMillis() });
  });
  socket.on("action", (action, ack) => {
    if (typeof ack === "function") ack({ seq: action.seq, t: epochMillis() });
  });
});

httpServer.listen(port, "127.0.0.1", () => {
  console.log(JSON.stringify({ port: httpServer.address().port }));
});
