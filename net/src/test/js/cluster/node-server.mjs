// A Node.js socket.io 4.8 server with @socket.io/redis-adapter 8.3: the reference member of a mixed cluster.
// Usage: node node-server.mjs <redisPort>. Prints {"listening":port}, then one JSON line per fact;
// reads one JSON command per stdin line ({"cmd":"emit"|"serverSideEmit"|"fetchSockets"|"emitWithAck"}).
// A client joins the room named by its handshake query "room".
import { createServer } from "node:http";
import { createInterface } from "node:readline";
import { Server } from "socket.io";
import { createAdapter } from "@socket.io/redis-adapter";
import { createClient } from "redis";

const [redisPort] = process.argv.slice(2);
const pubClient = createClient({ url: `redis://127.0.0.1:${redisPort}` });
const subClient = pubClient.duplicate();
await Promise.all([pubClient.connect(), subClient.connect()]);

const httpServer = createServer();
const io = new Server(httpServer, { adapter: createAdapter(pubClient, subClient) });
const print = (fact) => console.log(JSON.stringify(fact));

io.on("connection", (socket) => {
  if (socket.handshake.query.room) socket.join(socket.handshake.query.room);
  socket.data.origin = "node";
  print({ connected: socket.id });
});
io.on("hello-node", (arg, ack) => {
  print({ serverSideEvent: "hello-node", arg });
  if (typeof ack === "function") ack("node got " + arg);
});

createInterface({ input: process.stdin }).on("line", async (line) => {
  const c = JSON.parse(line);
  try {
    if (c.cmd === "emit") {
      io.to(c.room).emit(c.event, ...c.args);
      print({ emitted: c.event });
    } else if (c.cmd === "serverSideEmit") {
      const responses = await io.serverSideEmitWithAck(c.event, ...c.args);
      print({ serverSideResponses: responses });
    } else if (c.cmd === "fetchSockets") {
      const sockets = await io.in(c.room).fetchSockets();
      print({ fetched: sockets.map((s) => ({ id: s.id, rooms: [...s.rooms], data: s.data })) });
    } else if (c.cmd === "emitWithAck") {
      const responses = await io.to(c.room).timeout(5000).emitWithAck(c.event, ...c.args);
      print({ acks: responses });
    } else if (c.cmd === "socketsJoin") {
      io.in(c.room).socketsJoin(c.target);
      print({ joined: c.target });
    }
  } catch (e) {
    print({ error: e.message });
  }
});

httpServer.listen(0, "127.0.0.1", () => print({ listening: httpServer.address().port }));
