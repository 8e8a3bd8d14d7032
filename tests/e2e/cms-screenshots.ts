/**
 * Not a test: writes the content editor's screenshots for docs/editing.md into docs/screenshots/
 * (cms-*.png). It sets up what `npm run cms` does, against a temporary copy of src/content, so
 * nothing in the working copy changes. Run with `node tests/e2e/cms-screenshots.ts`.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { startLocalBackend } from "../../scripts/cms.ts";
import { serve } from "../../scripts/serve.ts";
import { ADMIN_DIR, siteBackend, writeAdmin } from "../../src/build/cms-integration.ts";
import { fillNewText, freePort } from "../helpers/cms-editor.ts";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "../helpers/chromium.ts";

const root = resolve(import.meta.dirname, "../..");
const shots = join(root, "docs/screenshots");

const port = await freePort();
const repo = mkdtempSync(join(tmpdir(), "rk-cms-shots-repo-"));
cpSync(join(root, "src/content"), join(repo, "src/content"), { recursive: true });
const backend = await startLocalBackend(repo, port);
const site = mkdtempSync(join(tmpdir(), "rk-cms-shots-site-"));
await writeAdmin(root, join(site, ADMIN_DIR), { ...siteBackend(), localBackendUrl: backend.url });
const { server, url } = await serve({ root: site });

const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: [...CHROMIUM_FLAGS],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, colorScheme: "light" });

const shoot = (name: string) =>
  page.screenshot({ path: join(shots, `cms-${name}.png`), animations: "disabled", caret: "hide" });

await page.goto(`${url}${ADMIN_DIR}/`);
await shoot("login");
await page.getByRole("button", { name: "Login" }).click();
await page.getByText("Message templates").first().waitFor();
await page.getByText("Thank a reference by text").first().waitFor();
await shoot("collections");

await page.goto(`${url}${ADMIN_DIR}/#/collections/templates/new`);
await fillNewText(page);
const message = page.getByLabel("Message", { exact: true });
await message.scrollIntoViewIfNeeded();
await page.waitForTimeout(300);
await shoot("new-template");

await message.fill(
  "Hi {{theirNmae}}, it\u2019s been too long! I would love to catch up soon. - {{yourName}}",
);
await page.waitForTimeout(300);
await shoot("problems");

await browser.close();
server.close();
await backend.stop();
rmSync(repo, { recursive: true, force: true });
rmSync(site, { recursive: true, force: true });
