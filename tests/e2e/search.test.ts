import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  axeViolations,
  openBrowser,
  openBrowserWithoutJavaScript,
  siteUrl,
  watchPage,
  type BrowserSession,
} from "./browser.ts";

let browser: BrowserSession;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function resultTitles(page: Page, scope = "body"): Promise<string[]> {
  return page.locator(`${scope} .search-result > a`).allInnerTexts();
}

describe("the search dialog", () => {
  test("no Pagefind file is requested before search is opened", async () => {
    const page = await browser.context.newPage();
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    await page.goto(siteUrl("/"), { waitUntil: "networkidle" });
    expect(requested.filter((url) => url.includes("/pagefind/"))).toEqual([]);
    await page.getByRole("link", { name: /^Search/ }).click();
    await page.getByRole("searchbox").fill("birthday");
    await page.locator(".search-result").first().waitFor();
    expect(requested.some((url) => url.includes("/pagefind/pagefind.js"))).toBe(true);
    await page.close();
  });

  test('"birthday" finds the Facebook birthday template first', async () => {
    const page = await browser.context.newPage();
    const problems = await watchPage(page);
    await page.goto(siteUrl("/"));
    await page.getByRole("link", { name: /^Search/ }).click();
    await page.getByRole("searchbox").fill("birthday");
    await page.locator(".search-result").first().waitFor();
    const titles = await resultTitles(page, "dialog");
    expect(titles[0]).toMatch(/Birthday wish .* Facebook/);
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [], foreignRequests: [] });
    await page.close();
  });

  test("keyboard alone opens search, picks a result and lands on it", async () => {
    const page = await browser.context.newPage();
    await page.goto(siteUrl("/"));
    await page.keyboard.press("/");
    await page.locator("dialog.search-dialog").waitFor({ state: "visible" });
    await page.keyboard.type("voicemail");
    await page.locator("dialog .search-result").first().waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const chosen = await page.evaluate(() => document.activeElement?.getAttribute("href") ?? "");
    expect(chosen).toMatch(/\/(templates|tactics|guides)\//);
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowDown");
    await Promise.all([page.waitForURL((url) => url.pathname === chosen), page.keyboard.press("Enter")]);
    await page.close();
  });

  test("Ctrl+K opens it, Escape closes it and focus returns to the Search link", async () => {
    const page = await browser.context.newPage();
    await page.goto(siteUrl("/templates/"));
    const trigger = page.getByRole("link", { name: /^Search/ });
    await trigger.focus();
    await page.keyboard.press("Control+k");
    await page.locator("dialog.search-dialog").waitFor({ state: "visible" });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("type"))).toBe("search");
    await page.keyboard.press("Escape");
    await page.locator("dialog.search-dialog").waitFor({ state: "hidden" });
    await expect(
      page.evaluate(() => document.activeElement?.classList.contains("search-trigger")),
    ).resolves.toBe(true);
    await page.close();
  });

  test("axe finds no violations in the open dialog with results", async () => {
    const page = await browser.context.newPage();
    await page.goto(siteUrl("/"));
    await page.getByRole("link", { name: /^Search/ }).click();
    await page.getByRole("searchbox").fill("thank");
    await page.locator("dialog .search-result").first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe("the /search/ page", () => {
  test("?q=thank+you shows results on load", async () => {
    const page = await browser.context.newPage();
    await page.goto(siteUrl("/search/?q=thank+you"));
    await page.locator(".search-result").first().waitFor();
    await expect(page.getByRole("searchbox").inputValue()).resolves.toBe("thank you");
    expect((await resultTitles(page)).length).toBeGreaterThan(2);
    await expect(page.locator(".search-status").innerText()).resolves.toMatch(/results for “thank you”/);
    await page.close();
  });

  test('the channel filter "Text message" leaves only texts, and the URL says so', async () => {
    const page = await browser.context.newPage();
    await page.goto(siteUrl("/search/?q=thank"));
    await page.locator(".search-result").first().waitFor();
    const before = await page.locator(".search-result").count();
    await page.locator('button[data-filter="channel"][data-value="Text message"]').click();
    await expect.poll(() => page.locator(".search-result").count()).toBeLessThan(before);
    const badges = await page
      .locator(".search-result")
      .evaluateAll((items) =>
        items.map((item) => [...item.querySelectorAll(".badge")].map((b) => b.textContent).join(" ")),
      );
    expect(badges.length).toBeGreaterThan(0);
    for (const badge of badges) expect(badge).toContain("Text message");
    expect(new URL(page.url()).searchParams.getAll("channel")).toEqual(["Text message"]);
    await expect(
      page.locator('button[data-filter="channel"][data-value="Text message"]').getAttribute("aria-pressed"),
    ).resolves.toBe("true");
    await page.close();
  });

  test("no results suggests the two situation guides", async () => {
    const page = await browser.context.newPage();
    await page.goto(siteUrl("/search/?q=zzxqvw"));
    await page.locator(".search-empty:not([hidden])").waitFor();
    await expect(page.locator(".search-status").innerText()).resolves.toBe("No results for “zzxqvw”");
    const links = await page.locator(".search-empty a").allInnerTexts();
    expect(links).toEqual(["Reconnect just to reconnect", "Reconnect because you need a reference"]);
    await page.close();
  });

  test("with JavaScript off it points to the guides and templates", async () => {
    const noScript = await openBrowserWithoutJavaScript();
    const page = await noScript.context.newPage();
    await page.goto(siteUrl("/search/"));
    await expect(page.locator("[data-search-page]").innerText()).resolves.toMatch(/Search needs JavaScript/);
    await page.close();
    await noScript.close();
  });
});
