// Starts an upgrade and never finishes it: the server must drop the WebSocket after upgradeTimeout and
// keep the polling session working.
// Usage: node engineio-stalled-upgrade.mjs <baseUrl>
// Prints {"event":"probed"}, {"event":"websocket-closed","afterMs":n}, {"event":"polling-alive","echo":...}.
import WebSocket from "ws";

const base = process.argv[2];
const url = `${base}/engine.io/?EIO=4&transport=polling`;
const out = (fact) => console.log(JSON.stringify(fact));
setTimeout(() => { out({ event: "failed", why: "timeout" }); process.exit(1); }, 15000).unref();

const open = await (await fetch(url)).text();
const sid = JSON.parse(open.substring(1)).sid;
const ws = new WebSocket(`${base.replace("http", "ws")}/engine.io/?EIO=4&transport=websocket&sid=${sid}`);
ws.on("error", () => {});
await new Promise((resolve) => ws.once("open", resolve));
ws.send("2probe");
await new Promise((resolve) => ws.once("message", resolve));
out({ event: "probed" });
const start = performance.now();
await new Promise((resolve) => ws.once("close", resolve));
out({ event: "websocket-closed", afterMs: Math.round(performance.now() - start) });

const post = await fetch(`${url}&sid=${sid}`, { method: "POST", body: "4still here" });
await post.text();
// the next poll may first carry a noop or a ping; read until the echo
let echo = "";
for (let i = 0; i < 5 && !echo.includes("4still here"); i++) {
  const res = await fetch(`${url}&sid=${sid}`);
  echo = await res.text();
  if (res.status !== 200) break;
}
out({ event: "polling-alive", echo });
process.exit(0);
