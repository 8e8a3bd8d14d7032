/**
 * The headers dist/_headers gives each address, on real responses of the server every browser
 * test uses (scripts/serve.ts applies the file as Cloudflare Pages and Netlify do), and what
 * they do in Chromium: the theme script runs before the first paint under the served policy,
 * only the template embeds can be framed by another site, and an unknown address gets the
 * site's own policy. The widget's cross-origin loads are in widget.test.ts; every page of the
 * sitemap under these headers is in site.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { headersFor, parseCsp, parseHeadersFile } from "../../src/lib/hosting.ts";
import { THEME_KEY } from "../../src/lib/theme.ts";
import { openBrowser, siteUrl, watchPage, type BrowserSession } from "./browser.ts";
import { httpsHost, type HttpsHost } from "./https-host.ts";

const SLUG = "thank-you-text";

let browser: BrowserSession;
beforeAll(async () => {
  browser = await openBrowser({ ignoreHTTPSErrors: true });
});
afterAll(async () => {
  await browser.close();
});

describe("on real responses", () => {
  test.each([
    ["/", 200, "'none'"],
    ["/embed/", 200, "'none'"],
    [`/embed/frame/?template=${SLUG}`, 200, "https: http://localhost:* http://127.0.0.1:*"],
    // The old per-template address, rewritten to the embed page (_redirects).
    [`/embed/${SLUG}/`, 200, "https: http://localhost:* http://127.0.0.1:*"],
    [`/templates/${SLUG}/`, 200, "'none'"],
    ["/no-such-page/", 404, "'none'"],
    ["/templates/no-such-template/", 404, "'none'"],
    ["/404.html", 200, "'none'"],
  ])(
    "%s answers %i with one CSP, frame-ancestors %s, and the security headers",
    async (path, status, ancestors) => {
      const response = await fetch(siteUrl(path), { redirect: "manual" });
      expect(response.status).toBe(status);
      const csp = response.headers.get("content-security-policy") ?? "";
      // A second policy would come after a comma (two headers are joined with one).
      expect(csp.split(",")).toHaveLength(1);
      expect(parseCsp(csp).get("frame-ancestors")?.join(" ")).toBe(ancestors);
      expect(parseCsp(csp).get("script-src")).not.toContain("'unsafe-inline'");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=\d{8}/);
      expect(response.headers.get("permissions-policy")).toContain("camera=()");
    },
  );

  test("the widget, its pinned copy, the API and the .txt templates allow any origin, exactly once", async () => {
    const manifest = JSON.parse(readFileSync(join(inject("distDir"), "widget/manifest.json"), "utf8")) as {
      file: string;
    };
    for (const path of [
      "/widget.js",
      `/${manifest.file}`,
      "/api/templates.json",
      `/api/templates/${SLUG}.json`,
      `/templates/${SLUG}.txt`,
    ]) {
      const response = await fetch(siteUrl(path));
      expect(response.status, path).toBe(200);
      expect(response.headers.get("access-control-allow-origin"), path).toBe("*");
    }
    const pinned = await fetch(siteUrl(`/${manifest.file}`));
    expect(pinned.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  test("every header is the one dist/_headers gives that address", async () => {
    const rules = parseHeadersFile(readFileSync(join(inject("distDir"), "_headers"), "utf8"));
    for (const path of ["/", `/embed/${SLUG}/`, "/no-such-page/", "/_astro/no-such.js", "/api/fields.json"]) {
      const response = await fetch(siteUrl(path));
      const expected = headersFor(rules, new URL(siteUrl(path)).pathname);
      for (const [name, value] of expected) expect(response.headers.get(name), `${path} ${name}`).toBe(value);
    }
  });
});

describe("in Chromium, under the served policy", () => {
  test("the theme script runs before the body is parsed, so a dark-theme reader sees no white flash", async () => {
    const page = await browser.context.newPage();
    const problems = await watchPage(page);
    await page.addInitScript((key) => {
      localStorage.setItem(key, "dark");
      // When data-theme is first set, has the parser reached <body> yet?
      const seen = { theme: "", bodyParsed: false };
      (window as unknown as { __rkTheme: typeof seen }).__rkTheme = seen;
      new MutationObserver(() => {
        const theme = document.documentElement.dataset["theme"] ?? "";
        if (seen.theme !== "" || theme === "") return;
        seen.theme = theme;
        seen.bodyParsed = document.querySelector("body") !== null;
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-theme"] });
    }, THEME_KEY);
    const response = await page.goto(siteUrl("/templates/"), { waitUntil: "networkidle" });
    expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    await expect(
      page.evaluate(() => (window as unknown as { __rkTheme: unknown }).__rkTheme),
    ).resolves.toEqual({
      theme: "dark",
      bodyParsed: false,
    });
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [], foreignRequests: [] });
    await page.close();
  });

  test("an unknown address shows the 404 page with no CSP violation", async () => {
    const page = await browser.context.newPage();
    const problems = await watchPage(page);
    const response = await page.goto(siteUrl("/no-such-page/"), { waitUntil: "networkidle" });
    expect(response?.status()).toBe(404);
    expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    // The 404 status itself is logged as a console error; nothing else may be.
    expect(problems.consoleErrors.filter((e) => !e.includes("404"))).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
    await page.close();
  });
});

describe("framing, from a page on another https origin", () => {
  let host: HttpsHost;
  let hostDir = "";
  const TARGETS: readonly (readonly [string, boolean])[] = [
    [`/embed/frame/?template=${SLUG}`, true],
    [`/embed/${SLUG}/`, true],
    ["/embed/", false],
    ["/", false],
    [`/templates/${SLUG}/`, false],
    ["/no-such-page/", false],
  ];

  beforeAll(async () => {
    hostDir = mkdtempSync(join(tmpdir(), "rk-framer-"));
    TARGETS.forEach(([path], index) => {
      writeFileSync(
        join(hostDir, `frame-${String(index)}.html`),
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Framer</title></head><body><iframe src="${siteUrl(path)}" title="framed"></iframe></body></html>`,
      );
    });
    host = await httpsHost(hostDir);
  });
  afterAll(async () => {
    await host.close();
    rmSync(hostDir, { recursive: true, force: true });
  });

  test.each(TARGETS.map(([path, framable], index) => [path, framable, index] as const))(
    "%s can be framed: %s",
    async (path, framable, index) => {
      const page = await browser.context.newPage();
      const refused: string[] = [];
      page.on("console", (message) => {
        if (/frame-ancestors/.test(message.text())) refused.push(message.text());
      });
      await page.goto(new URL(`frame-${String(index)}.html`, host.url).href, { waitUntil: "networkidle" });
      const frame = page.frames().find((f) => f !== page.mainFrame());
      // Chromium swaps a refused frame for its own error page.
      expect(frame?.url(), path).toBe(framable ? siteUrl(path) : "chrome-error://chromewebdata/");
      expect(refused.length > 0, refused.join("\n")).toBe(!framable);
      await page.close();
    },
  );
});
