/**
 * The content editor at /admin/ of the built site, driven as an editor would: against Decap's
 * local backend (decap-server, started here on a free port of 127.0.0.1) over a temporary copy of
 * src/content, so the test never writes into the working copy. config.yml as built points
 * local_backend at decap-server's usual port; the test serves it pointing at its own.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Frame, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startLocalBackend, type LocalBackend } from "../../scripts/cms.ts";
import { fillNewText, freePort, NEW_TEXT } from "../helpers/cms-editor.ts";
import { openBrowser, siteUrl, watchPage, type BrowserSession } from "./browser.ts";

const ROOT = resolve(import.meta.dirname, "../..");

let browser: BrowserSession;
let backend: LocalBackend;
let repo = "";

beforeAll(async () => {
  repo = mkdtempSync(join(tmpdir(), "rk-cms-repo-"));
  cpSync(join(ROOT, "src/content"), join(repo, "src/content"), { recursive: true });
  backend = await startLocalBackend(repo, await freePort());
  browser = await openBrowser({ viewport: { width: 1400, height: 1000 } });
});

afterAll(async () => {
  await browser.close();
  await backend.stop();
  rmSync(repo, { recursive: true, force: true });
});

/** Serve config.yml with local_backend pointing at this test's decap-server. */
async function useTestBackend(page: Page): Promise<void> {
  await page.route("**/admin/config.yml", async (route) => {
    const response = await route.fetch();
    const text = (await response.text()).replace(
      /^local_backend:.*$/m,
      `local_backend:\n  url: ${backend.url}`,
    );
    await route.fulfill({ response, body: text });
  });
}

/** /admin/ at `path`, signed in to the local backend (the first time, with its Login button). */
async function openEditor(path: string, ready: (page: Page) => Locator): Promise<Page> {
  const page = await browser.context.newPage();
  await useTestBackend(page);
  await page.goto(siteUrl(`/admin/${path}`));
  const login = page.getByRole("button", { name: "Login" });
  await login.or(ready(page)).first().waitFor();
  if (await login.isVisible()) await login.click();
  await ready(page).waitFor();
  return page;
}

/** The preview pane, an iframe Decap renders the preview template into. */
async function preview(page: Page): Promise<Frame> {
  const handle = await page.locator("iframe").first().elementHandle();
  const frame = await handle.contentFrame();
  if (frame === null) throw new Error("the preview pane has no frame");
  return frame;
}

const checkContent = (cwd: string) =>
  spawnSync(process.execPath, [join(ROOT, "scripts/check-content.ts")], { cwd, encoding: "utf8" });

describe("the content editor at /admin/", () => {
  test("carries noindex and loads under its own policy with no error", async () => {
    const page = await browser.context.newPage();
    const problems = await watchPage(page);
    await useTestBackend(page);
    const response = await page.goto(siteUrl("/admin/"), { waitUntil: "networkidle" });
    expect(response?.status()).toBe(200);
    expect(response?.headers()["x-robots-tag"]).toBe("noindex");
    await expect(page.locator('meta[name="robots"]').getAttribute("content")).resolves.toBe("noindex");
    await page
      .getByRole("button", { name: "Login" })
      .or(page.getByText("Message templates"))
      .first()
      .waitFor();
    expect(problems.cspViolations).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await page.close();
  });

  test("creates a text template through the form: the preview fills it in and measures it, and the saved file passes the content check", async () => {
    const page = await openEditor("#/collections/templates/new", (p) =>
      p.getByLabel("Title", { exact: true }),
    );
    await fillNewText(page);

    const frame = await preview(page);
    const message = frame.getByTestId("rk-preview-message");
    await expect.poll(() => message.textContent()).toBe(NEW_TEXT.filled);
    await expect(frame.locator("mark.filled").first().textContent()).resolves.toBe("Daniel");
    await expect
      .poll(() => frame.getByTestId("rk-preview-meter").textContent())
      .toMatch(/^Fits: 1 SMS segment \(GSM-7, \d+ characters\)/);
    await expect
      .poll(() => frame.getByTestId("rk-preview-problems").textContent())
      .toBe("No problems: this file passes the content check.");

    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText("Publish now", { exact: true }).click();
    const saved = join(repo, `src/content/templates/${NEW_TEXT.slug}.md`);
    await expect.poll(() => existsSync(saved), { timeout: 20_000 }).toBe(true);

    const text = readFileSync(saved, "utf8");
    expect(text).toContain("channel: text");
    expect(text).toContain("tactic: keep-them-posted");
    expect(text).not.toContain("subject:");
    expect(text).toMatch(/---\nHi \{\{theirName\}\}, it has been too long!/);
    const check = checkContent(repo);
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
    await page.close();
  });

  test("a field id typed wrong shows the check's own problem text in the preview", async () => {
    const page = await openEditor("#/collections/templates/entries/thank-you-text", (p) =>
      p.getByLabel("Message", { exact: true }),
    );
    const body = page.getByLabel("Message", { exact: true });
    await body.fill("Hi {{theirNmae}}, thank you for speaking for me today. - {{yourName}}");
    const frame = await preview(page);
    const problems = frame.getByTestId("rk-preview-problems");
    await expect
      .poll(() => problems.textContent())
      .toContain("the message uses {{theirNmae}}, which is not in the field registry");
    await expect(problems.textContent()).resolves.toContain("Fix: did you mean {{theirName}}?");
    await expect(problems.textContent()).resolves.toContain("src/content/templates/thank-you-text.md:");
    await page.close();
  });
});
