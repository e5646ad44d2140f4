// Drives the official engine.io-client against a server under test.
// Usage: node engineio-client.mjs <url> <transports: polling|websocket|polling,websocket> <scenario>
// Scenarios:
//   echo        send "hello" and bytes [1,2,3], expect both echoed; then close
//   ordered     send 1000 numbered messages, expect them echoed in order; then close
//   wait-close  send "close-me" and wait for the server to close the session
//   mute        stop answering pings (drop pongs) and wait for the server to give up
//   burst       send "burst"; the server answers with 1000 numbered messages sent from another thread
// Prints one JSON line per fact: {"event": ...}. Exits 0 after "done", 1 on a failed expectation.
import { Socket } from "engine.io-client";

const [url, transportList, scenario] = process.argv.slice(2);
const transports = transportList.split(",");
const out = (fact) => console.log(JSON.stringify(fact));
const fail = (why) => { out({ event: "failed", why }); process.exit(1); };
setTimeout(() => fail("scenario did not finish within 20 s"), 20000).unref();

const socket = new Socket(url, { transports, upgrade: transports.length > 1 });

socket.on("open", () => out({ event: "open", transport: socket.transport.name, sid: socket.id }));
socket.on("upgrade", (t) => out({ event: "upgrade", transport: t.name }));
socket.on("close", (reason) => {
  out({ event: "close", reason });
  if (scenario === "wait-close" || scenario === "mute") {
    out({ event: "done" });
    process.exit(0);
  }
});
socket.on("error", (e) => out({ event: "error", message: String(e && e.message || e) }));

const onceUpgradedIfAsked = () => new Promise((resolve) => {
  if (transports.length === 1 || socket.transport.name === "websocket") return resolve();
  socket.once("upgrade", () => resolve());
});

socket.on("open", async () => {
  await onceUpgradedIfAsked();
  const received = [];
  socket.on("message", (data) => {
    if (typeof data === "string") {
      received.push(data);
    } else {
      received.push([...new Uint8Array(data)]);
    }
    check(received);
  });
  if (scenario === "echo") {
    socket.send("hello");
    socket.send(Uint8Array.from([1, 2, 3]));
  } else if (scenario === "ordered") {
    for (let i = 0; i < 1000; i++) socket.send("m" + i);
  } else if (scenario === "wait-close") {
    socket.send("close-me");
  } else if (scenario === "burst") {
    socket.send("burst");
  } else if (scenario === "mute") {
    const original = socket._sendPacket.bind(socket);
    socket._sendPacket = (type, ...rest) => (type === "pong" ? undefined : original(type, ...rest));
    socket.send("muted");
  } else {
    fail("unknown scenario " + scenario);
  }
});

function check(received) {
  if (scenario === "echo" && received.length === 2) {
    out({ event: "echoed", text: received[0], binary: received[1], transport: socket.transport.name });
    finish();
  } else if ((scenario === "ordered" || scenario === "burst") && received.length === 1000) {
    const prefix = scenario === "ordered" ? "m" : "s";
    const inOrder = received.every((m, i) => m === prefix + i);
    out({ event: "ordered", count: received.length, inOrder, transport: socket.transport.name });
    finish();
  }
}

function finish() {
  out({ event: "done" });
  socket.close();
  setTimeout(() => process.exit(0), 50);
}
