// Connection state recovery with the official socket.io-client: connect, receive an event (its offset
// is recorded by the client), lose the transport, reconnect, and report what was recovered.
// Usage: node recovery.mjs <url> <default|msgpack> <polling|websocket>
import { io } from "socket.io-client";
import * as msgpackParser from "socket.io-msgpack-parser";

const [url, parserName, transport] = process.argv.slice(2);
const opts = {
  forceNew: true,
  reconnectionDelay: 100,
  reconnectionDelayMax: 200,
  transports: transport === "polling" ? ["polling"] : ["websocket"],
  auth: { name: "rita" },
};
if (parserName === "msgpack") opts.parser = msgpackParser;

const socket = io(url, opts);
const connected = new Promise((resolve) => socket.once("connect", () => resolve(socket.id)));
const ticked = new Promise((resolve) => socket.once("tick", (...args) => resolve(args)));
const firstId = await connected;
const tick = await ticked;
console.log(JSON.stringify({ tick: tick[0], offsetIsString: typeof tick[1] === "string", recovered: socket.recovered }));

const missed = new Promise((resolve) => socket.once("missed", (...args) => resolve(args[0])));
const roomCheck = new Promise((resolve) => socket.once("welcome-back", (inRoom) => resolve(inRoom)));
socket.io.engine.close(); // the transport drops; the manager reconnects with pid and offset
await new Promise((resolve) => socket.once("connect", resolve));
console.log(JSON.stringify({
  recovered: socket.recovered,
  sameId: socket.id === firstId,
  missed: await missed,
  stillInRoom: await roomCheck,
}));
socket.close();
process.exit(0);
