// The official admin UI served by the arena at /admin/, in Debian's Chromium driven by playwright-core, while a
// player (Alice, in another page) plays: log in, open Alice's game socket, see its rooms, disconnect it; with the
// state of the UI's icon font and every request that left for another host.
// Prints one line per milestone for AdminUiBrowserTest; waits on stdin for Alice's socket id (the server knows it).
//   node game-sample/src/test/js/admin-ui.mjs <server url ending in /> <admin password> <screenshot directory>
import { launchChromium } from "./chromium.mjs";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import readline from "node:readline";

const [url, password, shots] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const say = (line) => console.log(line);
const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();

const { context, profile } = await launchChromium();
// every request either page makes to a host other than this machine (the UI must need no internet), and every
// error answer from the server
const local = new Set(["127.0.0.1", "localhost", "[::1]"]);
const remote = [];
const failed = [];
context.on("request", (r) => {
  const u = new URL(r.url());
  if (/^(https?|wss?):$/.test(u.protocol) && !local.has(u.hostname)) remote.push(r.url());
});
context.on("response", (r) => { if (r.status() >= 400) failed.push(r.status() + " " + r.url()); });
try {
  const alice = await context.newPage();
  alice.on("pageerror", (e) => say("pageerror alice " + e.message));
  await alice.goto(url);
  await alice.fill("#name", "Alice");
  await alice.click("#create");
  await alice.waitForFunction(() => window.tickwire.state().me !== null, null, { timeout: 15000 });
  say("alice plays " + (await alice.evaluate(() => window.tickwire.state().matchId)));

  const admin = await context.newPage();
  admin.on("pageerror", (e) => say("pageerror admin " + e.message));
  await admin.goto(url + "admin/");
  await admin.getByLabel("Server URL").fill(url.replace(/\/$/, ""));
  await admin.getByLabel("Username").fill("admin");
  await admin.getByLabel("Password").fill(password);
  await admin.getByRole("button", { name: "Connect" }).click();
  await admin.getByLabel("Server URL").waitFor({ state: "hidden", timeout: 15000 });
  say("admin logged in");
  await admin.waitForTimeout(2500);                     // two server_stats: the dashboard's charts have points
  await admin.screenshot({ path: join(shots, "admin-dashboard.png") });
  // the faces the page itself asked for, once their loads settled: icons show only if this one is "loaded"
  const icons = await admin.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.family.replace(/"/g, "") === "Material Design Icons").map((f) => f.status);
  });
  say("icon font " + JSON.stringify(icons));

  const socketId = (await lines.next()).value.trim();
  await admin.goto(url + "admin/#/n/" + encodeURIComponent("/game") + "/sockets/" + socketId);
  await admin.getByText(/^match:/).first().waitFor({ timeout: 15000 });
  const rooms = await admin.getByText(/^match:/).allInnerTexts();
  say("admin sees " + socketId + " in rooms " + JSON.stringify(rooms.map((r) => r.trim())));
  await admin.screenshot({ path: join(shots, "admin-socket.png") });

  // the icon button on the client's Status row (an icon, no text label)
  await admin.locator("tr", { hasText: "Status" }).first().locator("button").click();
  say("admin clicked disconnect");
  await alice.waitForFunction(() => !window.tickwire.state().connected, null, { timeout: 15000 })
    .then(() => say("alice was disconnected"), () => say("alice page did not report a disconnect"));
  say("remote requests " + JSON.stringify(remote));
  say("error answers " + JSON.stringify(failed));
  say("done");
} catch (e) {
  say("failed " + e.message.split("\n")[0]);
  process.exitCode = 1;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(process.exitCode ?? 0);
