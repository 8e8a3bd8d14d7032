/**
 * Lighthouse (mobile preset) on the three page types: accessibility, best practices and SEO
 * must each score 100. Performance depends on the machine, so `npm run bench` reports it.
 */
import lighthouse from "lighthouse";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "../helpers/chromium.ts";
import { siteUrl } from "./browser.ts";

let chrome: ChildProcess;
let userDataDir = "";
let port = 0;

beforeAll(async () => {
  userDataDir = mkdtempSync(join(tmpdir(), "rk-lighthouse-"));
  chrome = spawn(
    CHROMIUM_PATH,
    [...CHROMIUM_FLAGS, "--remote-debugging-port=0", `--user-data-dir=${userDataDir}`, "about:blank"],
    { stdio: "ignore" },
  );
  // Chromium writes the port it picked to DevToolsActivePort in the profile folder.
  const portFile = join(userDataDir, "DevToolsActivePort");
  for (let i = 0; i < 100 && !existsSync(portFile); i += 1) await new Promise((r) => setTimeout(r, 100));
  port = Number(readFileSync(portFile, "utf8").split("\n")[0]);
});

afterAll(() => {
  chrome.kill();
  rmSync(userDataDir, { recursive: true, force: true });
});

test.each([
  ["home", "/"],
  ["a tactic page", "/tactics/own-the-lapse/"],
  ["a template page", "/templates/ask-for-a-reference-email/"],
])(
  "%s scores 100 for accessibility, best practices and SEO",
  async (_name, path) => {
    const result = await lighthouse(siteUrl(path), {
      port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["accessibility", "best-practices", "seo"],
    });
    const lhr = result?.lhr;
    expect(lhr?.runtimeError).toBeUndefined();
    const failing = Object.values(lhr?.audits ?? {})
      .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === "binary")
      .map((audit) => audit.id);
    const scores = Object.fromEntries(Object.entries(lhr?.categories ?? {}).map(([id, c]) => [id, c.score]));
    expect({ scores, failing }).toEqual({
      scores: { accessibility: 1, "best-practices": 1, seo: 1 },
      failing: [],
    });
  },
  120_000,
);
