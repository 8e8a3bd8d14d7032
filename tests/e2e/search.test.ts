import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import {
  axeViolations,
  openBrowser,
  openBrowserWithoutJavaScript,
  siteUrl,
  watchPage,
  type BrowserSession,
} from "./browser.ts";

/**
 * Phrasings people really type, each with the `need` values of the templates that answer it
 * (../shared/search/queries.tsv, or the copy in tests/fixtures/search/); SEARCH_QUERIES runs
 * another file of the same kind.
 */
const SHARED_QUERIES = resolve(import.meta.dirname, "../../../shared/search/queries.tsv");
// The repository keeps a copy, so a checkout without the shared folder beside it still runs them.
const QUERIES =
  process.env["SEARCH_QUERIES"] ??
  (existsSync(SHARED_QUERIES)
    ? SHARED_QUERIES
    : resolve(import.meta.dirname, "../fixtures/search/queries.tsv"));

let browser: BrowserSession;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** The result titles once every result is drawn (each is drawn as its fragment arrives). */
async function resultTitles(page: Page, scope = "body"): Promise<string[]> {
  await page.locator(`${scope} .search-results:not([aria-busy])`).waitFor({ state: "attached" });
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
    // Results are drawn as they arrive, and a slow typist's first letters get results of their
    // own: wait for the whole word's, all drawn.
    await expect.poll(() => page.locator("dialog .search-status").innerText()).toContain("“voicemail”");
    await page.locator("dialog .search-results:not([aria-busy])").waitFor({ state: "attached" });
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

/** Searches on the /search/ page and waits for the status line to speak. */
async function searchPage(page: Page, query: string): Promise<string> {
  await page.goto(siteUrl(`/search/?q=${encodeURIComponent(query)}`));
  const status = page.locator(".search-status");
  await expect.poll(() => status.innerText(), { timeout: 10_000 }).not.toBe("");
  await page.locator(".search-results:not([aria-busy])").waitFor({ state: "attached" });
  return status.innerText();
}

describe("search understands how people ask", () => {
  test("every real phrasing puts a right template in the top three, for at least 31 of 34", async () => {
    expect(existsSync(QUERIES), `${QUERIES} is missing: set SEARCH_QUERIES to a queries file`).toBe(true);
    const api = JSON.parse(readFileSync(join(inject("distDir"), "api/templates.json"), "utf8")) as {
      templates: { page: string; need: string }[];
    };
    const needOf = new Map(api.templates.map((t) => [new URL(t.page, "https://x/").pathname, t.need]));
    const lines = readFileSync(QUERIES, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "" && !line.startsWith("#"))
      .map((line) => line.split("\t"));
    const page = await browser.context.newPage();
    const misses: string[] = [];
    for (const [query = "", needs = ""] of lines) {
      await searchPage(page, query);
      const top = await page
        .locator(".search-result > a")
        .evaluateAll((links) =>
          links.slice(0, 3).map((a) => new URL((a as HTMLAnchorElement).href).pathname),
        );
      const wanted = needs.split(",").map((n) => n.trim());
      if (!top.some((path) => wanted.includes(needOf.get(path) ?? ""))) {
        misses.push(`${query} (wanted ${wanted.join(" or ")}; got ${top.join(", ")})`);
      }
    }
    await page.close();
    const found = lines.length - misses.length;
    console.log(`search: ${found} of ${lines.length} phrasings have a right template in the top three`);
    expect(found, misses.join("\n")).toBeGreaterThanOrEqual(Math.ceil((31 / 34) * lines.length));
  });

  test("a typo is corrected, and the words as typed are one button away", async () => {
    const page = await browser.context.newPage();
    await expect(searchPage(page, "refrence")).resolves.toMatch(/^Showing \d+ results for “reference”\./);
    const titles = await resultTitles(page);
    expect(titles.slice(0, 3).join(" ")).toMatch(/reference/i);
    await page.getByRole("button", { name: "Search instead for “refrence”" }).click();
    await expect
      .poll(() => page.locator(".search-status").innerText())
      .toMatch(/^(\d+ results?|No results) for “refrence”/);
    expect(await page.getByRole("button", { name: /Search instead/ }).count()).toBe(0);
    await page.close();
  });

  test("when all words find nothing, fewer words are searched and the status says so", async () => {
    const page = await browser.context.newPage();
    // Both words are in the index, never on one page.
    const status = await searchPage(page, "birthday voicemail");
    expect(status).toMatch(/^No results for all words; showing \d+ results? for “(birthday|voicemail)”/);
    expect((await resultTitles(page)).length).toBeGreaterThan(2);
    await page.close();
  });

  test("a query that names a message lists templates before tactics and guides", async () => {
    const page = await browser.context.newPage();
    // Pagefind alone ranks a tactic and two guides right after the one recommendation template.
    await searchPage(page, "linkedin recommendation");
    const kinds = await page
      .locator(".search-result")
      .evaluateAll((items) => items.map((item) => item.querySelector(".badge")?.textContent ?? ""));
    expect(kinds.slice(0, 2)).toEqual(["Template", "Template"]);
    // Every template comes before the first tactic or guide (there may be none of those at all).
    const firstOther = kinds.findIndex((kind) => kind !== "Template");
    if (firstOther !== -1) expect(kinds.slice(firstOther)).not.toContain("Template");
    await page.close();
  });

  test("the index starts loading when the search field gets focus, before any key", async () => {
    const page = await browser.context.newPage();
    await page.goto(siteUrl("/"));
    const loads = Promise.all([
      page.waitForRequest((r) => r.url().endsWith("/pagefind/pagefind.js")),
      page.waitForRequest((r) => r.url().endsWith("/pagefind/words.json")),
    ]);
    await page.getByRole("link", { name: /^Search/ }).click();
    await loads;
    await expect(page.getByRole("searchbox").inputValue()).resolves.toBe("");
    await page.close();
  });
});

describe("search on a phone (360 x 740)", () => {
  let phone: BrowserSession;
  beforeAll(async () => {
    phone = await openBrowser({ viewport: { width: 360, height: 740 } });
  });
  afterAll(async () => {
    await phone.close();
  });

  test("results come before the filters, which fold behind one button with the active count", async () => {
    const page = await phone.context.newPage();
    await page.goto(siteUrl("/"));
    await page.getByRole("link", { name: /^Search/ }).click();
    await page.getByRole("searchbox").fill("thank");
    const first = page.locator("dialog .search-result").first();
    await first.waitFor();
    const top = (await first.boundingBox())?.y ?? Infinity;
    console.log(`search on a phone: the first result starts ${Math.round(top)} px down`);
    expect(top).toBeLessThan(400);
    const chip = page.locator('dialog button[data-filter="channel"][data-value="Email"]');
    await expect(chip.isVisible()).resolves.toBe(false);
    const toggle = page.getByRole("button", { name: /^Filters/ });
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("false");
    await toggle.click();
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("true");
    await chip.click();
    await expect.poll(() => toggle.innerText()).toBe("Filters (1 on)");
    await expect(chip.getAttribute("aria-pressed")).resolves.toBe("true");
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

  test("axe finds no violations with a corrected query and its button", async () => {
    const page = await browser.context.newPage();
    await searchPage(page, "refrence");
    expect(await axeViolations(page)).toEqual([]);
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
