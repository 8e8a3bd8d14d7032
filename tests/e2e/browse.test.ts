import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { openBrowser, openBrowserWithoutJavaScript, siteUrl, type BrowserSession } from "./browser.ts";

let browser: BrowserSession;
const filters = (page: Page) => page.getByRole("navigation", { name: "Filter templates" });
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser.close();
});

test("a filter on /templates/ applies instantly, changes the address and Back undoes it", async () => {
  const page = await browser.context.newPage();
  await page.goto(siteUrl("/templates/"));
  const total = await page.locator("li.template-item:visible").count();
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  await filters(page).getByRole("link", { name: "Text messages", exact: true }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe("/templates/channel/text/");
  const channels = await page
    .locator("li.template-item:visible")
    .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset["channel"]));
  expect(channels.length).toBeGreaterThan(3);
  expect(new Set(channels)).toEqual(new Set(["text"]));
  expect(requests.filter((url) => url.endsWith("/templates/channel/text/"))).toEqual([]);
  // The page shows each tactic's first templates; the status says how many of all, and links
  // to the filter's own page, which lists every one.
  const all = Number(
    await filters(page).getByRole("link", { name: "Text messages", exact: true }).getAttribute("data-count"),
  );
  expect(all).toBeGreaterThanOrEqual(channels.length);
  const status = page.locator("[data-filter-status]");
  await expect(status.innerText()).resolves.toBe(
    channels.length < all
      ? `Showing ${channels.length} of ${all} templates, the first of each tactic. See all ${all}`
      : `Showing ${channels.length} templates.`,
  );
  if (channels.length < all) {
    const href = (await status.getByRole("link").getAttribute("href")) ?? "";
    expect(new URL(href, page.url()).pathname).toBe("/templates/channel/text/");
  }
  await expect(
    filters(page).getByRole("link", { name: "Text messages", exact: true }).getAttribute("aria-current"),
  ).resolves.toBe("page");
  await page.goBack();
  await expect.poll(() => page.locator("li.template-item:visible").count()).toBe(total);
  await page.close();
});

test("without JavaScript a filter link loads its static page", async () => {
  const noScript = await openBrowserWithoutJavaScript();
  const page = await noScript.context.newPage();
  await page.goto(siteUrl("/templates/"));
  await filters(page).getByRole("link", { name: "Professional", exact: true }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe("/templates/tone/professional/");
  await expect(page.locator("h1").innerText()).resolves.toBe("Professional");
  await page.close();
  await noScript.close();
});
