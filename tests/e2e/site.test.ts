/**
 * Gates over every page in the sitemap, and the site-wide features only a browser shows:
 * the theme toggle, the 404 page, and a build under a base path.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { buildSite } from "../helpers/build-site.ts";
import { sitemapUrls } from "../helpers/sitemap.ts";
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

describe("every page in the sitemap", () => {
  const paths = sitemapUrls(inject("distDir")).map((url) => url.pathname);

  test("the sitemap is not empty", () => {
    expect(paths.length).toBeGreaterThan(60);
  });

  // Served with dist/_headers applied (scripts/serve.ts), so the header policy is enforced too.
  test.each(paths)("%s: no console error, CSP violation or foreign request; axe clean", async (path) => {
    const page = await browser.context.newPage();
    const problems = await watchPage(page);
    const response = await page.goto(siteUrl(path), { waitUntil: "networkidle" });
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [], foreignRequests: [] });
    await page.close();
  });
});

describe("the header", () => {
  const phone = { width: 360, height: 740 };

  test("is one row, and the menu opens by keyboard and closes with Escape", async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize(phone);
    await page.goto(siteUrl("/"));
    const header = await page.locator(".site-header").boundingBox();
    expect(header?.height).toBeLessThanOrEqual(80);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(phone.width);
    const link = page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Need a reference" });
    await expect(link.isVisible()).resolves.toBe(false);
    await page.locator(".site-menu > summary").focus();
    await page.keyboard.press("Enter");
    await expect(link.isVisible()).resolves.toBe(true);
    await page.keyboard.press("Escape");
    await expect(link.isVisible()).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe("SUMMARY");
    await page.close();
  });

  test("the menu opens without JavaScript too", async () => {
    const noScript = await openBrowserWithoutJavaScript({ viewport: phone });
    const page = await noScript.context.newPage();
    await page.goto(siteUrl("/"));
    await page.getByText("Menu", { exact: true }).click();
    await page.getByRole("link", { name: "My references" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/references/");
    await noScript.close();
  });

  test.each([360, 768, 1024, 1200, 1280, 1920])(
    "at %i px wide the header row fits the page",
    async (width) => {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height: 800 });
      await page.goto(siteUrl("/"));
      const [client, scroll] = await page
        .locator(".header-row")
        .evaluate((row) => [row.clientWidth, row.scrollWidth]);
      expect(scroll).toBeLessThanOrEqual(client);
      await page.close();
    },
  );

  test("on a wide screen the links sit in the row and there is no Menu button", async () => {
    const page = await browser.context.newPage();
    await page.goto(siteUrl("/"));
    await expect(
      page
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: "Need a reference" })
        .isVisible(),
    ).resolves.toBe(true);
    await expect(page.locator(".site-menu > summary").isVisible()).resolves.toBe(false);
    await page.close();
  });
});

describe("site features", () => {
  test("the theme toggle cycles Auto, Light, Dark and the choice survives a reload", async () => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(siteUrl("/"));
    const toggle = page.locator("[data-theme-toggle]");
    await expect(toggle.innerText()).resolves.toBe("Theme: Auto");
    await toggle.click();
    await toggle.click();
    await expect(toggle.innerText()).resolves.toBe("Theme: Dark");
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await expect(background()).resolves.toBe("rgb(18, 20, 23)");
    await page.reload();
    await expect(page.evaluate(() => document.documentElement.dataset["theme"])).resolves.toBe("dark");
    await expect(toggle.innerText()).resolves.toBe("Theme: Dark");
    await expect(background()).resolves.toBe("rgb(18, 20, 23)");
    await toggle.click();
    await expect(toggle.innerText()).resolves.toBe("Theme: Auto");
    await expect(background()).resolves.toBe("rgb(255, 255, 255)");
    await page.close();
  });

  test("an unknown address shows the 404 page with a search that works", async () => {
    const page = await browser.context.newPage();
    const response = await page.goto(siteUrl("/no-such-page/"));
    expect(response?.status()).toBe(404);
    await expect(page.locator("h1").innerText()).resolves.toBe("Page not found");
    await page.getByLabel("Search advice and templates").fill("thank you");
    await Promise.all([page.waitForURL(/\/search\/\?q=thank\+you/), page.keyboard.press("Enter")]);
    await page.locator(".search-result").first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  test("the Nu HTML Checker finds no errors in the built site", () => {
    const jar = resolve(import.meta.dirname, "../../node_modules/vnu-jar/build/dist/vnu.jar");
    let output = "";
    try {
      execFileSync(
        "java",
        ["-jar", jar, "--errors-only", "--skip-non-html", "--format", "text", inject("distDir")],
        {
          encoding: "utf8",
          stdio: "pipe",
        },
      );
    } catch (error) {
      output = `${(error as { stdout?: string }).stdout ?? ""}${(error as { stderr?: string }).stderr ?? ""}`;
    }
    expect(output).toBe("");
  }, 300_000);
});

/**
 * Starts scripts/serve.ts as `npm start` and `npm run preview` do, with only SITE_BASE to say
 * where the site lives, and resolves with the address it prints.
 */
function startServer(
  dist: string,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const script = resolve(import.meta.dirname, "../../scripts/serve.ts");
  const child = spawn(process.execPath, [script, dist, "--port", "0"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((done, fail) => {
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /running at (http:\/\/\S+)/.exec(output)?.[1];
      if (url !== undefined) done({ child, url });
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.once("exit", (code) => {
      fail(new Error(`scripts/serve.ts exited with ${String(code)}:\n${output}`));
    });
  });
}

describe("under a base path", () => {
  const base = "/careers/reconnect/";
  let dist = "";
  let server: ChildProcess | undefined;
  let url = "";

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), "rk-base-"));
    // The one variable the README documents, for the build and for the server alike.
    buildSite(dist, { SITE_BASE: base });
    const started = await startServer(dist, { SITE_BASE: base });
    server = started.child;
    url = started.url;
  }, 600_000);
  afterAll(() => {
    server?.kill();
  });

  test("the server serves the folder SITE_BASE names", () => {
    expect(new URL(url).pathname).toBe(base);
  });

  test("the sitemap, robots.txt and the feed point inside the folder", () => {
    const pages = sitemapUrls(dist, base);
    expect(pages.length).toBeGreaterThan(60);
    expect(pages.filter((page) => !page.pathname.startsWith(base))).toEqual([]);
    expect(readFileSync(join(dist, "robots.txt"), "utf8")).toContain(`${base}sitemap-index.xml`);
    const feedLinks = [...readFileSync(join(dist, "feed.xml"), "utf8").matchAll(/<link>([^<]+)<\/link>/g)];
    expect(feedLinks.length).toBeGreaterThan(40);
    expect(feedLinks.filter((m) => !new URL(m[1] ?? "").pathname.startsWith(base))).toEqual([]);
  });

  test("pages, links, styles, the island and search all work", async () => {
    const page = await browser.context.newPage();
    const problems = await watchPage(page);
    const home = await page.goto(url, { waitUntil: "networkidle" });
    // The _headers rules are written inside the folder too, and the server applies them there.
    expect(home?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Templates" }).click();
    await page.waitForURL(`${url}templates/`);
    await page.locator("li.template-item a").first().click();
    await page.waitForSelector(".filler fieldset:not([disabled])");
    expect(new URL(page.url()).pathname.startsWith(`${base}templates/`)).toBe(true);
    await page.keyboard.press("/");
    await page.getByRole("searchbox").fill("birthday");
    await page.locator("dialog .search-result a").first().waitFor();
    const href = (await page.locator("dialog .search-result a").first().getAttribute("href")) ?? "";
    expect(href.startsWith(base)).toBe(true);
    expect(problems.consoleErrors.filter((e) => !e.includes("favicon"))).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  test("linkinator finds no broken link", async () => {
    const { check, LinkState } = await import("linkinator");
    const origin = new URL(url).origin;
    const result = await check({
      path: url,
      recurse: true,
      concurrency: 20,
      linksToSkip: async (link) => Promise.resolve(!link.startsWith(origin)),
    });
    expect(
      result.links.filter((l) => l.state === LinkState.BROKEN).map((l) => `${l.url} (on ${l.parent ?? "?"})`),
    ).toEqual([]);
    expect(result.links.filter((l) => l.state === LinkState.OK).length).toBeGreaterThan(60);
  }, 120_000);
});
