// Drives the npm Socket.IO parsers for the Java parser tests: one JSON request per stdin line, one JSON
// answer per stdout line. Packets travel as {type, nsp, id?, data?}; inside data, binary is
// {"$bytes": base64}. Frames travel as {binary, base64}.
//   {"op":"encode","parser":"default"|"msgpack","packet":…}  -> {"frames":[…]}
//   {"op":"decode","parser":…,"frames":[…]}                  -> {"packets":[…]} or {"error":"…"}
import { createInterface } from "node:readline";
import { Encoder, Decoder } from "socket.io-parser";
import msgpackParser from "socket.io-msgpack-parser";

const parsers = {
  default: { Encoder, Decoder },
  msgpack: msgpackParser,
};

function fromTagged(value) {
  if (Array.isArray(value)) return value.map(fromTagged);
  if (value !== null && typeof value === "object") {
    if (typeof value.$bytes === "string") return Buffer.from(value.$bytes, "base64");
    const out = {};
    for (const key of Object.keys(value)) out[key] = fromTagged(value[key]);
    return out;
  }
  return value;
}

function toTagged(value) {
  if (Buffer.isBuffer(value)) return { $bytes: value.toString("base64") };
  if (value instanceof ArrayBuffer) return { $bytes: Buffer.from(value).toString("base64") };
  if (ArrayBuffer.isView(value)) return { $bytes: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64") };
  if (Array.isArray(value)) return value.map(toTagged);
  if (value !== null && typeof value === "object") {
    const out = {};
    for (const key of Object.keys(value)) out[key] = toTagged(value[key]);
    return out;
  }
  return value;
}

// The key order of the packets a socket.io 4.8 server builds for events: type, data, id, nsp.
function packetFrom(tagged) {
  const packet = { type: tagged.type };
  if ("data" in tagged) packet.data = fromTagged(tagged.data);
  if ("id" in tagged) packet.id = tagged.id;
  packet.nsp = tagged.nsp;
  return packet;
}

function frameOf(chunk) {
  return typeof chunk === "string"
    ? { binary: false, base64: Buffer.from(chunk, "utf8").toString("base64") }
    : { binary: true, base64: Buffer.from(chunk).toString("base64") };
}

function answer(request) {
  const parser = parsers[request.parser];
  if (request.op === "encode") {
    return { frames: new parser.Encoder().encode(packetFrom(request.packet)).map(frameOf) };
  }
  const decoder = new parser.Decoder();
  const packets = [];
  decoder.on("decoded", (p) => {
    const out = { type: p.type, nsp: p.nsp };
    if (p.id !== undefined) out.id = p.id;
    if (p.data !== undefined) out.data = toTagged(p.data);
    packets.push(out);
  });
  try {
    for (const frame of request.frames) {
      const bytes = Buffer.from(frame.base64, "base64");
      decoder.add(frame.binary ? bytes : bytes.toString("utf8"));
    }
  } catch (e) {
    return { error: String(e.message) };
  }
  return { packets };
}

const lines = createInterface({ input: process.stdin });
console.log(JSON.stringify({ ready: true }));
lines.on("line", (line) => {
  let reply;
  try {
    reply = answer(JSON.parse(line));
  } catch (e) {
    reply = { error: "script: " + e.stack };
  }
  console.log(JSON.stringify(reply));
});
