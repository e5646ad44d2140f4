// Speed of the npm Socket.IO parsers (socket.io-parser, socket.io-msgpack-parser) on the packets of
// io.tickwire.benchmarks.socketio.parser.ParserInputs (same formulas: change both together).
// Usage: node benchmarks/peers/parser-speed.mjs [secondsPerCase=1]   (run from the repository root)
import { Encoder, Decoder } from "socket.io-parser";
import msgpackParser from "socket.io-msgpack-parser";

const seconds = Number(process.argv[2] ?? 1);

function gameInput() {
  return { type: 2, data: ["input", { seq: 123, keys: 5, ax: 0.5, ay: -1 }], nsp: "/" };
}

function state() {
  const players = [];
  for (let i = 0; i < 12; i++) {
    players.push({
      id: i + 1,
      x: ((i * 7919) % 100000) / 100 + 0.25,
      y: ((i * 104729) % 100000) / 100 + 0.5,
      vx: (i - 6) * 1.25,
      hp: 100 - i * 7,
      name: "p" + i,
      alive: i % 5 !== 0,
    });
  }
  return { type: 2, data: ["state", { tick: 48213, players }], nsp: "/" };
}

function binary() {
  const bytes = Buffer.alloc(1024);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) & 0xff;
  return { type: 2, data: ["chunk", { seq: 7 }, bytes], nsp: "/" };
}

const parsers = { DEFAULT: { Encoder, Decoder }, MSGPACK: msgpackParser };
const inputs = { input: gameInput, state, binary };

// Runs fn in batches until `seconds` elapse; returns ns per call.
function measure(fn) {
  const deadline = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  let calls = 0;
  const start = process.hrtime.bigint();
  let now = start;
  while (now < deadline) {
    for (let i = 0; i < 1000; i++) fn();
    calls += 1000;
    now = process.hrtime.bigint();
  }
  return Number(now - start) / calls;
}

const rows = [];
for (const [parserName, parser] of Object.entries(parsers)) {
  for (const [inputName, make] of Object.entries(inputs)) {
    const encoder = new parser.Encoder();
    // socket.io-parser's Encoder rewrites binary packets in place, so each call encodes a fresh copy
    // (as the server builds a fresh packet per emit); the copy is made for msgpack too, for fairness.
    const encode = () => encoder.encode(make());
    const frames = encode();
    const decoder = new parser.Decoder();
    let decoded = 0;
    decoder.on("decoded", () => decoded++);
    const decode = () => {
      for (const frame of frames) decoder.add(frame);
    };
    measure(encode); // warm-up
    measure(decode);
    const makeNs = measure(make);
    rows.push({
      parser: parserName,
      payload: inputName,
      "encode ns/op": Math.round(measure(encode)),
      "of which building the packet ns": Math.round(makeNs),
      "decode ns/op": Math.round(measure(decode)),
      bytes: frames.reduce((n, f) => n + (typeof f === "string" ? Buffer.byteLength(f) : f.length), 0),
    });
    if (decoded === 0) throw new Error("nothing decoded");
  }
}
console.log(`node ${process.version}, socket.io-parser + socket.io-msgpack-parser, ${seconds}s per case`);
console.table(rows);
