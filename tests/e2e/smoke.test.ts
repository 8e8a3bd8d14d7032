import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { axeViolations, openBrowser, siteUrl, watchPage, type BrowserSession } from "./browser.ts";

let browser: BrowserSession;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe.each([
  ["home", "/"],
  ["a tactic page", "/tactics/own-the-lapse/"],
  ["a guide", "/guides/reconnect-for-a-reference/"],
  ["the template index", "/templates/"],
  ["a template page", "/templates/ask-for-a-reference-email/"],
])("%s", (_name, path) => {
  test("loads with no console error, no CSP violation and no foreign request", async () => {
    const page = await browser.context.newPage();
    const problems = await watchPage(page);
    const response = await page.goto(siteUrl(path), { waitUntil: "networkidle" });
    expect(response?.status()).toBe(200);
    await expect(page.title()).resolves.not.toBe("");
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [], foreignRequests: [] });
    await page.close();
  });

  test("has no axe violations (WCAG 2.2 AA)", async () => {
    const page = await browser.context.newPage();
    await page.goto(siteUrl(path), { waitUntil: "networkidle" });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
