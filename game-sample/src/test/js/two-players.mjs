// Two browser players in one arena, driven through Debian's Chromium with playwright-core. Prints one line per
// milestone for ArenaBrowserTest (net's NodeProcess line protocol); exits non-zero on any failure.
//   node game-sample/src/test/js/two-players.mjs <server url> <screenshot directory>
import { launchChromium } from "./chromium.mjs";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const [url, shots] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const say = (line) => console.log(line);
const state = (page) => page.evaluate(() => window.tickwire.state());
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const { context, profile } = await launchChromium();
try {
  const alice = await context.newPage();
  alice.on("pageerror", (e) => say("pageerror alice " + e.message));
  await alice.goto(url);
  await alice.fill("#name", "Alice");
  await alice.click("#create");
  await alice.waitForFunction(() => window.tickwire.state().me !== null, null, { timeout: 15000 });
  const { matchId, playerId: aliceId } = await state(alice);
  say("alice joined " + matchId + " as " + aliceId);

  const bob = await context.newPage();
  bob.on("pageerror", (e) => say("pageerror bob " + e.message));
  await bob.goto(url);
  await bob.fill("#name", "Bob");
  const row = `tr[data-match-id="${matchId}"] button.join`;
  await bob.waitForSelector(row, { timeout: 15000 });
  const listed = (await state(bob)).lobby.find((m) => m.matchId === matchId);
  say("lobby lists " + JSON.stringify(listed));
  await bob.screenshot({ path: join(shots, "lobby.png") });
  await bob.click(row);
  await bob.waitForFunction(() => window.tickwire.state().me !== null, null, { timeout: 15000 });
  const bobId = (await state(bob)).playerId;
  await alice.waitForFunction((id) => window.tickwire.state().players.some((p) => p.playerId === id && p.name === "Bob"),
    bobId, { timeout: 15000 });
  say("together in " + (await state(bob)).matchId + " alice " + aliceId + " bob " + bobId);

  // a key press on Bob's page moves Bob on Alice's screen
  const bobSeen = async () => (await state(alice)).players.find((p) => p.playerId === bobId);
  await bob.waitForFunction(() => window.tickwire.state().me.hp > 0, null, { timeout: 10000 });
  const start = await bobSeen();
  const key = start.x < 800 ? "KeyD" : "KeyA";
  await bob.keyboard.down(key);
  await alice.waitForFunction(([id, x0]) => {
    const b = window.tickwire.state().players.find((p) => p.playerId === id);
    return b && Math.abs(b.x - x0) > 60;
  }, [bobId, start.x], { timeout: 10000 });
  await bob.keyboard.up(key);
  const moved = await bobSeen();
  say("moved bob pressed " + key + " alice saw x " + start.x.toFixed(1) + " -> " + moved.x.toFixed(1));

  // Alice shoots Bob. Both walk to the lane y = 370, clear of obstacles from wall to wall (reached through
  // the clear columns x = 150, 600, 1000, 1450), Bob walks along it towards Alice, Alice aims and holds the trigger.
  const LANE_Y = 370;
  const COLUMNS = [150, 600, 1000, 1450];
  const walk = async (page, code, distance) => {
    await page.keyboard.down(code);
    await pause(Math.max(35, Math.min(400, (distance / 260) * 1000)));
    await page.keyboard.up(code);
  };
  const towardsLane = async (page, p) => {
    if (Math.abs(p.y - LANE_Y) <= 12) return true;
    const column = COLUMNS.reduce((best, c) => (Math.abs(c - p.x) < Math.abs(best - p.x) ? c : best));
    if (Math.abs(column - p.x) > 12) await walk(page, column > p.x ? "KeyD" : "KeyA", Math.abs(column - p.x));
    else await walk(page, LANE_Y > p.y ? "KeyS" : "KeyW", Math.abs(LANE_Y - p.y));
    return false;
  };
  const deadline = Date.now() + 90000;
  let firing = false;
  let pictured = false;
  let hit = null;
  while (!hit && Date.now() < deadline) {
    const s = await state(alice);
    hit = s.events.hitsDealt.find((h) => h.victim === bobId) ?? null;
    if (hit) break;
    const a = s.me;
    const b = (await state(bob)).me;
    const seen = s.players.find((p) => p.playerId === bobId);
    if (!a || !b || !seen || a.hp === 0 || b.hp === 0) {
      if (firing) await alice.mouse.up();
      firing = false;
      await pause(200);
      continue;
    }
    const [aliceOnLane, bobOnLane] = await Promise.all([towardsLane(alice, a), towardsLane(bob, b)]);
    if (!aliceOnLane || !bobOnLane) continue;
    if (Math.abs(a.x - b.x) > 600) {
      await walk(bob, a.x > b.x ? "KeyD" : "KeyA", Math.abs(a.x - b.x) - 500);
      continue;
    }
    const target = await alice.evaluate(([x, y]) => window.tickwire.toPage(x, y), [seen.x, seen.y]);
    await alice.mouse.move(target.x, target.y);
    if (!firing) {
      await alice.mouse.down();
      firing = true;
      if (!pictured) {
        await pause(250); // shots on their way: the picture of a match in game-sample/README.md
        await alice.screenshot({ path: join(shots, "match.png") });
        pictured = true;
      }
    }
    await pause(100);
  }
  if (firing) await alice.mouse.up();
  if (!hit) throw new Error("Alice never hit Bob: " + JSON.stringify(await state(alice)));
  say("alice hit bob " + JSON.stringify(hit));
  await bob.waitForFunction((id) => window.tickwire.state().events.hitsTaken.some((h) => h.attacker === id),
    aliceId, { timeout: 10000 });
  const bobState = await state(bob);
  const taken = bobState.events.hitsTaken.find((h) => h.attacker === aliceId);
  say("bob was hit by alice hpLeft " + taken.hpLeft + " damage " + taken.damage);
  await alice.screenshot({ path: join(shots, "alice.png") });
  await bob.screenshot({ path: join(shots, "bob.png") });
  const net = (await state(alice)).net;
  say("net " + JSON.stringify(net));
  say("done");
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
