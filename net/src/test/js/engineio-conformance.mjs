// Checks a server against the behaviour the Engine.IO v4 spec's test suite expects of its reference
// server (pingInterval 300, pingTimeout 200, maxPayload 1e6, echo). Our own checks, written from the spec.
// Usage: node engineio-conformance.mjs <baseUrl>
// Prints one JSON line per check: {"check":..., "ok":true|false, "error":...}, then {"done":true,"failed":n}.
import WebSocket from "ws";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const wsBase = base.replace("http", "ws");
const path = "/engine.io/";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function assertEqual(actual, expected, what) {
  const a = JSON.stringify(actual), e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

function assertTrue(cond, what) {
  if (!cond) throw new Error(what);
}

const poll = (query, init) => fetch(`${base}${path}?${query}`, init);

async function openPolling() {
  const res = await poll("EIO=4&transport=polling");
  return JSON.parse((await res.text()).substring(1)).sid;
}

// A WebSocket whose events can be awaited in order.
function socket(query) {
  const ws = new WebSocket(`${wsBase}${path}?${query}`);
  const queues = { open: [], message: [], close: [] };
  const waiters = { open: [], message: [], close: [] };
  const push = (type, value) => (waiters[type].length ? waiters[type].shift()(value) : queues[type].push(value));
  ws.on("open", () => push("open", true));
  ws.on("message", (data, isBinary) => push("message", isBinary ? [...new Uint8Array(data)] : data.toString()));
  ws.on("close", () => push("close", true));
  ws.on("error", () => {});
  ws.next = (type) => new Promise((resolve, reject) => {
    if (queues[type].length) return resolve(queues[type].shift());
    const timer = setTimeout(() => reject(new Error(`no ${type} within 3 s`)), 3000);
    waiters[type].push((v) => { clearTimeout(timer); resolve(v); });
  });
  return ws;
}

const checks = {
  async pollingHandshake() {
    const res = await poll("EIO=4&transport=polling");
    assertEqual(res.status, 200, "status");
    const body = await res.text();
    assertTrue(body.startsWith("0"), "open packet");
    const open = JSON.parse(body.substring(1));
    assertEqual(Object.keys(open).sort(), ["maxPayload", "pingInterval", "pingTimeout", "sid", "upgrades"], "keys");
    assertEqual(typeof open.sid, "string", "sid type");
    assertEqual(open.upgrades, ["websocket"], "upgrades");
    assertEqual([open.pingInterval, open.pingTimeout, open.maxPayload], [300, 200, 1000000], "timings");
  },
  async pollingRejectsBadEio() {
    assertEqual((await poll("transport=polling")).status, 400, "no EIO");
    assertEqual((await poll("EIO=abc&transport=polling")).status, 400, "EIO=abc");
  },
  async pollingRejectsBadTransport() {
    assertEqual((await poll("EIO=4")).status, 400, "no transport");
    assertEqual((await poll("EIO=4&transport=abc")).status, 400, "transport=abc");
  },
  async pollingRejectsBadHandshakeMethod() {
    assertEqual((await poll("EIO=4&transport=polling", { method: "POST" })).status, 400, "POST");
    assertEqual((await poll("EIO=4&transport=polling", { method: "PUT" })).status, 400, "PUT");
  },
  async websocketHandshake() {
    const ws = socket("EIO=4&transport=websocket");
    const data = await ws.next("message");
    assertTrue(data.startsWith("0"), "open packet");
    const open = JSON.parse(data.substring(1));
    assertEqual(open.upgrades, [], "upgrades");
    assertEqual([open.pingInterval, open.pingTimeout, open.maxPayload], [300, 200, 1000000], "timings");
    ws.close();
  },
  async websocketRejectsBadQuery() {
    for (const q of ["transport=websocket", "EIO=abc&transport=websocket", "EIO=4", "EIO=4&transport=abc"]) {
      await socket(q).next("close");
    }
  },
  async pollingEchoesOneTextPacket() {
    const sid = await openPolling();
    const push = await poll(`EIO=4&transport=polling&sid=${sid}`, { method: "POST", body: "4hello" });
    assertEqual([push.status, await push.text()], [200, "ok"], "POST");
    const res = await poll(`EIO=4&transport=polling&sid=${sid}`);
    assertEqual([res.status, await res.text()], [200, "4hello"], "GET");
  },
  async pollingEchoesSeveralPackets() {
    const sid = await openPolling();
    await poll(`EIO=4&transport=polling&sid=${sid}`, { method: "POST", body: "4test1\x1e4test2\x1e4test3" });
    const res = await poll(`EIO=4&transport=polling&sid=${sid}`);
    assertEqual(await res.text(), "4test1\x1e4test2\x1e4test3", "GET");
  },
  async pollingEchoesTextAndBinary() {
    const sid = await openPolling();
    await poll(`EIO=4&transport=polling&sid=${sid}`, { method: "POST", body: "4hello\x1ebAQIDBA==" });
    const res = await poll(`EIO=4&transport=polling&sid=${sid}`);
    assertEqual(await res.text(), "4hello\x1ebAQIDBA==", "GET");
  },
  async pollingClosesOnInvalidPacket() {
    const sid = await openPolling();
    const push = await poll(`EIO=4&transport=polling&sid=${sid}`, { method: "POST", body: "abc" });
    assertEqual(push.status, 400, "POST");
    assertEqual((await poll(`EIO=4&transport=polling&sid=${sid}`)).status, 400, "GET after");
  },
  async pollingClosesOnDuplicateGet() {
    const sid = await openPolling();
    const [first, second] = await Promise.all([
      poll(`EIO=4&transport=polling&sid=${sid}`),
      sleep(5).then(() => poll(`EIO=4&transport=polling&sid=${sid}&t=burst`)),
    ]);
    assertEqual([first.status, await first.text()], [200, "1"], "first GET");
    assertEqual(second.status, 400, "second GET");
    assertEqual((await poll(`EIO=4&transport=polling&sid=${sid}`)).status, 400, "GET after");
  },
  async pollingClosesOnAbortedGet() {
    const sid = await openPolling();
    const controller = new AbortController();
    poll(`EIO=4&transport=polling&sid=${sid}`, { signal: controller.signal }).catch(() => {});
    await sleep(5);
    controller.abort();
    await sleep(20);
    assertEqual((await poll(`EIO=4&transport=polling&sid=${sid}`)).status, 400, "GET after abort");
  },
  async websocketEchoesText() {
    const ws = socket("EIO=4&transport=websocket");
    await ws.next("message");
    ws.send("4hello");
    assertEqual(await ws.next("message"), "4hello", "echo");
    ws.close();
  },
  async websocketEchoesBinary() {
    const ws = socket("EIO=4&transport=websocket");
    await ws.next("message");
    ws.send(Uint8Array.from([1, 2, 3, 4]));
    assertEqual(await ws.next("message"), [1, 2, 3, 4], "echo");
    ws.close();
  },
  async websocketClosesOnInvalidPacket() {
    const ws = socket("EIO=4&transport=websocket");
    await ws.next("message");
    ws.send("abc");
    await ws.next("close");
  },
  async pollingHeartbeat() {
    const sid = await openPolling();
    for (let i = 0; i < 3; i++) {
      const res = await poll(`EIO=4&transport=polling&sid=${sid}`);
      assertEqual([res.status, await res.text()], [200, "2"], "ping " + i);
      assertEqual((await poll(`EIO=4&transport=polling&sid=${sid}`, { method: "POST", body: "3" })).status, 200, "pong");
    }
  },
  async pollingPingTimeout() {
    const sid = await openPolling();
    await sleep(300 + 200);
    assertEqual((await poll(`EIO=4&transport=polling&sid=${sid}`)).status, 400, "GET after timeout");
  },
  async websocketHeartbeat() {
    const ws = socket("EIO=4&transport=websocket");
    await ws.next("message");
    for (let i = 0; i < 3; i++) {
      assertEqual(await ws.next("message"), "2", "ping " + i);
      ws.send("3");
    }
    ws.close();
  },
  async websocketPingTimeout() {
    const ws = socket("EIO=4&transport=websocket");
    await ws.next("close");
  },
  async pollingClientClose() {
    const sid = await openPolling();
    const [res] = await Promise.all([
      poll(`EIO=4&transport=polling&sid=${sid}`),
      poll(`EIO=4&transport=polling&sid=${sid}`, { method: "POST", body: "1" }),
    ]);
    assertEqual([res.status, await res.text()], [200, "6"], "pending GET");
    assertEqual((await poll(`EIO=4&transport=polling&sid=${sid}`)).status, 400, "GET after");
  },
  async websocketClientClose() {
    const ws = socket("EIO=4&transport=websocket");
    await ws.next("message");
    ws.send("1");
    await ws.next("close");
  },
  async upgrade() {
    const sid = await openPolling();
    const ws = socket(`EIO=4&transport=websocket&sid=${sid}`);
    await ws.next("open");
    ws.send("2probe");
    assertEqual(await ws.next("message"), "3probe", "probe");
    const res = await poll(`EIO=4&transport=polling&sid=${sid}`);
    assertEqual([res.status, await res.text()], [200, "6"], "noop");
    ws.send("5");
    ws.send("4hello");
    assertEqual(await ws.next("message"), "4hello", "echo");
    ws.close();
  },
  async pollingRefusedAfterUpgrade() {
    const sid = await openPolling();
    const ws = socket(`EIO=4&transport=websocket&sid=${sid}`);
    await ws.next("open");
    ws.send("2probe");
    await ws.next("message");
    ws.send("5");
    assertEqual((await poll(`EIO=4&transport=polling&sid=${sid}`)).status, 400, "GET after upgrade");
    ws.send("4hello");
    assertEqual(await ws.next("message"), "4hello", "echo");
    ws.close();
  },
  async secondWebSocketRefusedAfterUpgrade() {
    const sid = await openPolling();
    const ws = socket(`EIO=4&transport=websocket&sid=${sid}`);
    await ws.next("open");
    ws.send("2probe");
    await ws.next("message");
    ws.send("5");
    await socket(`EIO=4&transport=websocket&sid=${sid}`).next("close");
    ws.send("4hello");
    assertEqual(await ws.next("message"), "4hello", "echo");
    ws.close();
  },
};

let failed = 0;
const only = process.argv[3];
for (const [name, check] of Object.entries(checks)) {
  if (only && name !== only) continue;
  try {
    await check();
    console.log(JSON.stringify({ check: name, ok: true }));
  } catch (e) {
    failed++;
    console.log(JSON.stringify({ check: name, ok: false, error: String(e && e.stack || e) }));
  }
}
console.log(JSON.stringify({ done: true, failed }));
process.exit(0);
