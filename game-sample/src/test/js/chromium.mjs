// Debian's Chromium, headless, through playwright-core: how the browser tests start it.
import { chromium } from "playwright-core";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A persistent context in a fresh profile directory, returned with that directory (for cleanup). */
export async function launchChromium() {
  const profile = mkdtempSync(join(tmpdir(), "tickwire-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  return { context, profile };
}
