// Drives the official socket.io-client 4.8 against a Tickwire server for one {parser, transport} pair.
// Usage: node client-matrix.mjs <url> <default|msgpack> <polling|websocket|upgrade>
// Prints one JSON line per step: {"step":name,"ok":true,"result":…} or {"step":name,"ok":false,"error":…},
// then {"done":true}. Binary values are printed as {"hex":"0102"} so the Java side can compare them.
import { io } from "socket.io-client";
import * as msgpackParser from "socket.io-msgpack-parser";

const [url, parserName, transport] = process.argv.slice(2);
const STEP_TIMEOUT_MS = 5000;

function options(extra = {}) {
  const o = {
    forceNew: true,
    reconnection: false,
    transports: transport === "websocket" ? ["websocket"] : ["polling", "websocket"],
    upgrade: transport === "upgrade",
    ...extra,
  };
  if (transport === "polling") o.transports = ["polling"];
  if (parserName === "msgpack") o.parser = msgpackParser;
  return o;
}

function printable(v) {
  if (v instanceof ArrayBuffer) v = Buffer.from(v);
  if (ArrayBuffer.isView(v)) return { hex: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("hex") };
  if (Array.isArray(v)) return v.map(printable);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, printable(x)]));
  return v;
}

function out(obj) {
  console.log(JSON.stringify(obj));
}

function withTimeout(promise, what) {
  return Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error("timeout: " + what)), STEP_TIMEOUT_MS)),
  ]);
}

async function step(name, fn) {
  try {
    const result = await withTimeout(fn(), name);
    out({ step: name, ok: true, result: printable(result) });
  } catch (e) {
    out({ step: name, ok: false, error: String(e && e.message ? e.message : e) });
  }
}

function connect(nsp = "/", extra = {}) {
  const socket = io(url + nsp, options(extra));
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (err) => {
      socket.close();
      reject(Object.assign(new Error(err.message), { data: err.data }));
    });
  });
}

// emits with an acknowledgement and resolves with all of its arguments (emitWithAck gives only the first)
function ack(socket, ...args) {
  return new Promise((resolve, reject) =>
    socket.timeout(STEP_TIMEOUT_MS).emit(...args, (err, ...res) => (err ? reject(err) : resolve(res))));
}

function once(socket, event) {
  return new Promise((resolve) => socket.once(event, (...args) => resolve(args)));
}

async function upgraded(socket) {
  if (transport !== "upgrade") return socket.io.engine.transport.name;
  if (socket.io.engine.transport.name === "websocket") return "websocket";
  await new Promise((resolve) => socket.io.engine.once("upgrade", resolve));
  return socket.io.engine.transport.name;
}

const sockets = [];

await step("connect-with-auth", async () => {
  const s = await connect("/", { auth: { token: "good", name: "alice" } });
  sockets.push(s);
  const [auth] = await ack(s, "whoami");
  return { connected: s.connected, idLength: s.id.length, auth, transport: await upgraded(s) };
});

await step("middleware-refusal", async () => {
  try {
    const s = await connect("/", { auth: { token: "bad" } });
    s.close();
    return "connected";
  } catch (e) {
    return { message: e.message, data: e.data };
  }
});

const [a] = sockets;

await step("events-both-ways-with-binary", async () => {
  const echoed = once(a, "echo");
  a.emit("echo", "hi", 42, 1.5, { nested: [true, null, Buffer.from([1, 2, 3])] }, Buffer.from([0xff, 0]));
  return await echoed;
});

await step("ack-from-server", async () => {
  return await ack(a, "echo", "with-ack", Buffer.from([7]));
});

await step("ack-from-client", async () => {
  a.once("question", (n, cb) => cb(n + 1, "answered"));
  const answer = once(a, "answer");
  a.emit("ask", 41);
  return await answer;
});

await step("ack-from-client-times-out", async () => {
  a.once("question", () => {}); // never answers
  const answer = once(a, "answer");
  a.emit("ask", 1);
  return await answer;
});

const b = await connect("/", { auth: { token: "good", name: "bob" } });
const c = await connect("/", { auth: { token: "good", name: "carol" } });
sockets.push(b, c);

function collect(socket, event) {
  const got = [];
  socket.on(event, (...args) => got.push(args));
  return got;
}

await step("rooms-and-broadcasts", async () => {
  await ack(a, "join", "r1");
  await ack(b, "join", "r1");
  await ack(c, "join", "r2");
  const seen = { a: collect(a, "bc"), b: collect(b, "bc"), c: collect(c, "bc") };
  const forms = ["io.emit", "io.to(r1)", "io.except(r1)", "io.to(r1).to(r2)", "socket.broadcast", "socket.to(r1)", "socket.except(r2)"];
  for (const form of forms) {
    await ack(a, "broadcast", form);
  }
  await ack(a, "leave", "r1");
  await ack(a, "broadcast", "io.to(r1)");
  // a final marker to every socket so that all earlier broadcasts have arrived
  const marks = [once(a, "mark"), once(b, "mark"), once(c, "mark")];
  await ack(a, "mark");
  await Promise.all(marks);
  const names = (list) => list.map((args) => args[0]);
  return { a: names(seen.a), b: names(seen.b), c: names(seen.c) };
});

await step("broadcast-with-acks", async () => {
  for (const s of [a, b, c]) s.once("poll", (q, cb) => cb(s === a ? "from-a" : s === b ? "from-b" : "from-c"));
  const [responses] = await ack(a, "poll-everyone");
  return responses.sort();
});

await step("volatile", async () => {
  const got = once(a, "v");
  a.emit("volatile");
  return await got;
});

await step("static-namespace", async () => {
  const s = await connect("/custom", { auth: { token: "good" } });
  const [nsp] = await ack(s, "where");
  s.close();
  return nsp;
});

await step("dynamic-namespace", async () => {
  const s = await connect("/dyn-42");
  const [nsp] = await ack(s, "where");
  s.close();
  return nsp;
});

await step("unknown-namespace", async () => {
  try {
    await connect("/nope");
    return "connected";
  } catch (e) {
    return { message: e.message };
  }
});

await step("server-disconnects-socket", async () => {
  const s = await connect("/", { auth: { token: "good", name: "dave" } });
  const reason = once(s, "disconnect");
  s.emit("disconnect-me");
  return (await reason)[0];
});

await step("server-closes-connection", async () => {
  const s = await connect("/", { auth: { token: "good", name: "erin" } });
  const reason = once(s, "disconnect");
  s.emit("close-me");
  return (await reason)[0];
});

async function reasonOf(name) {
  for (;;) {
    const [reason] = await ack(a, "reason-of", name);
    if (reason) return reason;
    await new Promise((r) => setTimeout(r, 20));
  }
}

await step("client-disconnects", async () => {
  const s = await connect("/", { auth: { token: "good", name: "frank" } });
  s.disconnect();
  return await reasonOf("frank");
});

await step("server-side-reasons", async () => {
  return { dave: await reasonOf("dave"), erin: await reasonOf("erin") };
});

for (const s of sockets) s.close();
out({ done: true });
process.exit(0);
