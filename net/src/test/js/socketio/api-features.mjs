// Server API features seen from the official socket.io-client: async middleware, event middleware,
// catch-all listeners, once, socket.data, handshake, fetchSockets/socketsJoin/socketsLeave/
// disconnectSockets, parent namespaces, broadcast acknowledgement timeout.
// Usage: node api-features.mjs <url>. Prints {"step":…,"result":…} lines, then {"done":true}.
import { io } from "socket.io-client";

const [url] = process.argv.slice(2);

function connect(nsp, extra = {}) {
  const socket = io(url + nsp, { forceNew: true, reconnection: false, transports: ["websocket"], ...extra });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (err) => reject(err));
  });
}

function ack(socket, ...args) {
  return new Promise((resolve, reject) =>
    socket.timeout(5000).emit(...args, (err, ...res) => (err ? reject(err) : resolve(res))));
}

function once(socket, event) {
  return new Promise((resolve) => socket.once(event, (...args) => resolve(args)));
}

async function step(name, fn) {
  let result;
  try {
    result = await Promise.race([fn(), new Promise((_, r) => setTimeout(() => r(new Error("timeout")), 5000))]);
  } catch (e) {
    result = { error: e.message };
  }
  console.log(JSON.stringify({ step: name, result }));
}

const a = await connect("/", { auth: { name: "a" }, query: { room: "lobby" }, extraHeaders: { "x-team": "red" } });
const b = await connect("/", { auth: { name: "b" } });

await step("async-middleware-and-data", async () => (await ack(a, "data"))[0]);
await step("handshake", async () => (await ack(a, "handshake"))[0]);
await step("event-middleware-refusal", async () => {
  const error = once(a, "refused");
  a.emit("forbidden", 1);
  return (await error)[0];
});
await step("catch-all-listeners", async () => {
  const outgoing = once(a, "seen");
  a.emit("anything", 1, "two");
  return (await outgoing)[0];
});
await step("once-listener", async () => [(await ack(a, "once-only"))[0], (await ack(a, "once-only")).length]);
await step("fetch-sockets", async () => (await ack(a, "fetch"))[0].sort());
await step("sockets-join-and-leave", async () => {
  await ack(a, "sockets-join", "team");
  const [inTeam] = await ack(b, "rooms");
  await ack(a, "sockets-leave", "team");
  const [afterLeave] = await ack(b, "rooms");
  return { inTeam: inTeam.includes("team"), afterLeave: afterLeave.includes("team") };
});
await step("parent-namespace-broadcast", async () => {
  const one = await connect("/workspace-1");
  const two = await connect("/workspace-2");
  const got = Promise.all([once(one, "hello"), once(two, "hello")]);
  await ack(a, "hello-workspaces");
  const result = (await got).map((args) => args[0]);
  one.close();
  two.close();
  return result;
});
await step("broadcast-ack-timeout", async () => {
  b.once("poll", () => {}); // b never answers
  a.once("poll", (cb) => cb("a-answers"));
  return (await ack(a, "poll-with-timeout"))[0];
});
await step("disconnect-sockets", async () => {
  const reason = once(b, "disconnect");
  await ack(a, "disconnect-others");
  return (await reason)[0];
});

a.close();
console.log(JSON.stringify({ done: true }));
process.exit(0);
