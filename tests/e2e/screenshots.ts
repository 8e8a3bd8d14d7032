/**
 * Not a test: writes docs/screenshots/after-home-{360,1280}.png from the built dist, served by
 * scripts/serve.ts. Run with `node tests/e2e/screenshots.ts` after `npm run build`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve.ts";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "../helpers/chromium.ts";

const root = resolve(import.meta.dirname, "../..");
const { server, url } = await serve({ root: join(root, "dist") });
const userDataDir = mkdtempSync(join(tmpdir(), "rk-shots-"));
const extra = process.argv[2] === "--answer";
for (const viewport of [
  { width: 360, height: 740 },
  { width: 1280, height: 900 },
]) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS],
    viewport,
    colorScheme: "light",
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector("rk-quick-start > script") === null);
  const name = extra
    ? `/tmp/qs-answer-${viewport.width}.png`
    : join(root, `docs/screenshots/after-home-${viewport.width}.png`);
  if (extra) {
    await page.getByLabel("1. Who are you writing to?").fill("Dan");
    await page.getByRole("button", { name: "A reference" }).click();
    await page.locator(".qs-answer").waitFor();
  }
  await page.screenshot({
    path: name,
    animations: "disabled",
    caret: "hide",
    fullPage: process.argv[3] === "--full",
  });
  await context.close();
}
rmSync(userDataDir, { recursive: true, force: true });
server.close();
