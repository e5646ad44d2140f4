// The reference socket.io 4.8 server for the Java client's compatibility tests: the same handlers as
// ClientTestServer.java. Usage: node echo-server.mjs <default|msgpack> [fast-heartbeat]. Prints {"port":N}
// once listening on 127.0.0.1, then serves until stdin closes. "fast-heartbeat" pings every 200 ms and
// waits 200 ms for the pong, so a stopped server is noticed quickly.
import { createServer } from "node:http";
import { Server } from "socket.io";
import * as msgpackParser from "socket.io-msgpack-parser";

const [parserName, heartbeat] = process.argv.slice(2);
const httpServer = createServer();
const io = new Server(httpServer, {
  ...(parserName === "msgpack" ? { parser: msgpackParser } : {}),
  connectionStateRecovery: { maxDisconnectionDuration: 60000 },
  ...(heartbeat === "fast-heartbeat" ? { pingInterval: 200, pingTimeout: 200 } : {}),
});

io.use((socket, next) => {
  if (socket.handshake.auth.token === "bad") {
    const err = new Error("not authorized");
    err.data = { code: 401 };
    next(err);
  } else {
    next();
  }
});

io.on("connection", (socket) => {
  if (!socket.recovered) {
    socket.join("game");
    socket.emit("tick", 1);
  }
  socket.on("whoami", (ack) => ack(socket.handshake.auth));
  socket.on("echo", (...args) => {
    const ack = typeof args[args.length - 1] === "function" ? args.pop() : null;
    if (ack) ack(...args);
    else socket.emit("echo", ...args);
  });
  socket.on("ask", (question) => {
    socket.timeout(1000).emit("question", question, (err, answer) =>
      socket.emit("answer", err ? err.message : answer));
  });
  socket.on("silent", () => {});
  socket.on("drop-me", () => socket.conn.close());
  socket.on("kick-me", () => socket.disconnect());
  socket.on("disconnect", () => io.to("game").emit("missed", "while-away"));
});
io.of("/custom").on("connection", (socket) => {
  socket.on("where", (ack) => ack(socket.nsp.name));
});

httpServer.listen(0, "127.0.0.1", () => {
  console.log(JSON.stringify({ port: httpServer.address().port }));
});
process.stdin.on("end", () => { io.close(); process.exit(0); });
process.stdin.resume();
