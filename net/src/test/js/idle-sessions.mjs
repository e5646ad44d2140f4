// Opens many idle Engine.IO WebSocket sessions (raw `ws`, answering pings) and measures handshake latency.
// Usage: node idle-sessions.mjs <baseUrl> <sessions> [pollingHandshakes]
// Prints {"opened":n,"pollingHandshakeMs":{...},"websocketHandshakeMs":{...},...} once all are open, then keeps
// them open until a line arrives on stdin (or 120 s pass), closes them and exits.
import WebSocket from "ws";
import readline from "node:readline";

const [base, countArg, pollingArg] = process.argv.slice(2);
const count = Number(countArg);
const pollingCount = Number(pollingArg ?? 1000);
const wsUrl = base.replace("http", "ws") + "/engine.io/?EIO=4&transport=websocket";
const sockets = [];

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { n: s.length, p50: +at(0.5).toFixed(3), p90: +at(0.9).toFixed(3), p99: +at(0.99).toFixed(3), max: +s[s.length - 1].toFixed(3) };
}

function open() {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const ws = new WebSocket(wsUrl);
    ws.once("message", (data) => {
      if (!String(data).startsWith("0")) return reject(new Error("no open packet: " + data));
      resolve(performance.now() - start);
      ws.on("message", (m) => { if (String(m) === "2") ws.send("3"); });
    });
    ws.once("error", reject);
    sockets.push(ws);
  });
}

// Polling handshakes first, one at a time, so that they measure latency rather than queueing.
const polling = [];
for (let i = 0; i < pollingCount; i++) {
  const start = performance.now();
  const res = await fetch(base + "/engine.io/?EIO=4&transport=polling");
  await res.text();
  polling.push(performance.now() - start);
}

// The first 1,000 WebSocket sessions one at a time (latency), the rest 100 at a time (load).
const sequential = [];
const concurrent = [];
const sequentialCount = Math.min(1000, count);
for (let i = 0; i < sequentialCount; i++) sequential.push(await open());
const batch = 100;
for (let i = sequentialCount; i < count; i += batch) {
  const n = Math.min(batch, count - i);
  concurrent.push(...(await Promise.all(Array.from({ length: n }, open))));
}
console.log(JSON.stringify({
  opened: sockets.length,
  pollingHandshakeMs: stats(polling),
  websocketHandshakeMs: stats(sequential),
  websocketHandshakeMs100Concurrent: concurrent.length ? stats(concurrent) : null,
}));

const done = () => { for (const ws of sockets) ws.terminate(); process.exit(0); };
readline.createInterface({ input: process.stdin }).once("line", done);
setTimeout(done, 120000);
