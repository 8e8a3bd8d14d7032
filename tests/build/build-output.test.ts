import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join, resolve } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { checkLibrary } from "../../src/build/content-check.ts";
import { allFacetValues } from "../../src/lib/facets.ts";
import { parseCsp, parseHeadersFile, pathMatches } from "../../src/lib/hosting.ts";
import { site } from "../../src/config.ts";
import { serve } from "../../scripts/serve.ts";
import { buildSite } from "../helpers/build-site.ts";
import { describeAssets, gzipSize, pageScripts, pageStyles, total } from "../helpers/budget.ts";
import { htmlFiles, metaContent, readHtml, routeOf, titleOf } from "../helpers/html.ts";
import { sitemapIndexUrl, sitemapUrls } from "../helpers/sitemap.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const dist = mkdtempSync(join(tmpdir(), "rk-dist-"));

function slugsIn(folder: string): string[] {
  return readdirSync(join(ROOT, "src/content", folder)).map((name) => basename(name, extname(name)));
}

let buildLog = "";
beforeAll(() => {
  buildLog = buildSite(dist);
});

describe("every page is built", () => {
  const expected = [
    "/",
    "/templates/",
    ...slugsIn("tactics").map((slug) => `/tactics/${slug}/`),
    ...slugsIn("guides").map((slug) => `/guides/${slug}/`),
    ...slugsIn("templates").map((slug) => `/templates/${slug}/`),
  ];

  test.each(expected)("%s exists and has a title", (route) => {
    const file = join(dist, route, "index.html");
    expect(existsSync(file), `${file} is missing`).toBe(true);
    expect(titleOf(readHtml(file))).toBeTruthy();
  });

  test("the 404 page exists", () => {
    expect(titleOf(readHtml(join(dist, "404.html")))).toMatch(/^Page not found/);
  });
});

describe("every page", () => {
  test("has a CSP meta tag whose script-src has no 'unsafe-inline'", () => {
    for (const file of htmlFiles(dist)) {
      const csp = metaContent(readHtml(file), "http-equiv", "content-security-policy");
      expect(csp, `${routeOf(dist, file)} has no CSP`).toBeDefined();
      const scriptSrc = csp?.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
      expect(scriptSrc, routeOf(dist, file)).not.toContain("unsafe-inline");
    }
  });
});

describe("template pages work without JavaScript", () => {
  test("the message is real text with [Labels] for details still to fill", () => {
    const html = readHtml(join(dist, "templates/ask-for-a-reference-email/index.html"));
    expect(html).toContain('data-message-part="body"');
    expect(html).toContain('<span class="missing">[Their name]</span>');
    expect(html).toContain('data-message-part="subject"');
  });
});

test("astro build alone makes the Pagefind index, and says how many pages it holds", () => {
  expect(existsSync(join(dist, "pagefind/pagefind.js"))).toBe(true);
  const entry = JSON.parse(readFileSync(join(dist, "pagefind/pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { page_count: number }>;
  };
  const indexed = Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
  // Pages with data-pagefind-body: tactics, guides, templates, the planner and the tracker.
  expect(indexed).toBe(
    slugsIn("tactics").length + slugsIn("guides").length + slugsIn("templates").length + 2,
  );
  expect(buildLog).toMatch(new RegExp(`\\[reconnect-kit:search-index\\] indexed ${indexed} pages`));
});

describe("byte budgets (gzipped), per page", () => {
  const KB = 1024;
  const pages = () => htmlFiles(dist).map((file) => ({ route: routeOf(dist, file), html: readHtml(file) }));
  // Filter pages such as /templates/channel/text/ are two levels deep, so they do not match.
  const isTemplatePage = (route: string) => /^\/templates\/[^/]+\/$/.test(route);
  // An Astro island (planner, tracker, snippet generator) or the fill-in, which hydrates itself.
  const hasIsland = (html: string) =>
    ["<astro-island", "<rk-fill-in", "<rk-planner", "<rk-tracker"].some((tag) => html.includes(tag));

  test("HTML is at most 12 KB", () => {
    for (const { route, html } of pages()) {
      expect(gzipSize(html), `${route} HTML`).toBeLessThanOrEqual(12 * KB);
    }
  });

  test("CSS is at most 8 KB", () => {
    for (const { route, html } of pages()) {
      const styles = pageStyles(dist, html);
      expect(total(styles), `${route} CSS: ${describeAssets(styles)}`).toBeLessThanOrEqual(8 * KB);
    }
  });

  test("a template page has the fill-in, with its script", () => {
    const templatePages = pages().filter(({ route }) => isTemplatePage(route));
    expect(templatePages.length).toBeGreaterThan(40);
    for (const { route, html } of templatePages) {
      expect(html, route).toContain("<rk-fill-in>");
      expect(
        pageScripts(dist, html).some((s) => s.name.includes("FillIn")),
        route,
      ).toBe(true);
    }
  });

  test("a template page loads at most 14 KB of JavaScript, inline scripts included", () => {
    for (const { route, html } of pages().filter(({ route }) => isTemplatePage(route))) {
      const scripts = pageScripts(dist, html);
      expect(total(scripts), `${route} JavaScript: ${describeAssets(scripts)}`).toBeLessThanOrEqual(14 * KB);
    }
  });

  test("a page with an island loads at most 16 KB of JavaScript, inline scripts included", () => {
    for (const { route, html } of pages().filter(({ html }) => hasIsland(html))) {
      const scripts = pageScripts(dist, html);
      expect(total(scripts), `${route} JavaScript: ${describeAssets(scripts)}`).toBeLessThanOrEqual(16 * KB);
    }
  });

  test("a page without an island loads at most 2 KB of JavaScript", () => {
    for (const { route, html } of pages().filter(({ html }) => !hasIsland(html))) {
      const scripts = pageScripts(dist, html);
      expect(total(scripts), `${route} JavaScript: ${describeAssets(scripts)}`).toBeLessThanOrEqual(2 * KB);
    }
  });
});

describe("browse pages without search", () => {
  const library = checkLibrary(ROOT);
  const facetPages = allFacetValues();

  test("there is a filter page for every channel, situation and tone", () => {
    expect(facetPages.map((f) => `${f.facet}/${f.value}`)).toEqual(
      expect.arrayContaining(["channel/text", "channel/linkedin-note", "situation/reference", "tone/brief"]),
    );
    expect(facetPages).toHaveLength(9 + 2 + 3);
  });

  test.each(facetPages.map((f) => [`/templates/${f.facet}/${f.value}/`, f] as const))(
    "%s lists exactly the matching templates",
    (route, facetValue) => {
      const html = readHtml(join(dist, route, "index.html"));
      const listed = [...html.matchAll(/<li class="template-item"[\s\S]*?href="\/templates\/([^/"]+)\/"/g)]
        .map((m) => m[1])
        .sort();
      const expected = [...library.templates.entries()]
        .filter(([, t]) => t[facetValue.facet] === facetValue.value)
        .map(([slug]) => slug)
        .sort();
      expect(expected.length).toBeGreaterThan(0);
      expect(listed).toEqual(expected);
    },
  );
});

describe("findable and shareable", () => {
  const pages = () =>
    htmlFiles(dist)
      .map((file) => ({ route: routeOf(dist, file), html: readHtml(file) }))
      .filter(({ route }) => route !== "/404.html");

  test("every page has a unique title, a description and a canonical link", () => {
    const titles = new Map<string, string>();
    // The iframe embeds (noindex) are parts of other sites' pages, not pages of their own.
    for (const { route, html } of pages().filter(
      ({ html }) => !html.includes('<meta name="robots" content="noindex"'),
    )) {
      const title = titleOf(html) ?? "";
      expect(titles.get(title), `${route} repeats the title of ${titles.get(title) ?? ""}`).toBeUndefined();
      titles.set(title, route);
      expect(metaContent(html, "name", "description")?.length, `${route} description`).toBeGreaterThan(20);
      expect(html, route).toMatch(/<link rel="canonical" href="https:\/\/[^"]+"/);
      expect(metaContent(html, "property", "og:image"), route).toMatch(/^https:\/\/.+\/social\.png$/);
      expect(metaContent(html, "name", "twitter:card"), route).toBe("summary_large_image");
    }
  });

  test("JSON-LD is valid JSON with a schema.org type: HowTo on tactics, Article on guides", () => {
    for (const { route, html } of pages()) {
      for (const match of html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
        const data = JSON.parse(match[1] ?? "") as Record<string, unknown>;
        expect(data["@context"], route).toBe("https://schema.org");
        if (route.startsWith("/tactics/")) {
          expect(data["@type"], route).toBe("HowTo");
          expect((data["step"] as unknown[]).length, `${route} steps`).toBeGreaterThanOrEqual(3);
        }
        if (route.startsWith("/guides/")) expect(data["@type"], route).toBe("Article");
      }
      if (/^\/(tactics|guides)\//.test(route)) expect(html, route).toContain('type="application/ld+json"');
    }
  });

  test("the sitemap lists every indexable page", () => {
    const listed = new Set(sitemapUrls(dist).map((url) => url.pathname));
    for (const { route, html } of pages()) {
      const noindex = html.includes('<meta name="robots" content="noindex"');
      expect(listed.has(route), `${route} ${noindex ? "is noindex but listed" : "is missing"}`).toBe(
        !noindex,
      );
    }
    expect(listed.size).toBe(sitemapUrls(dist).length);
    expect(sitemapIndexUrl(dist).href).toBe(`${site.url}/sitemap-index.xml`);
  });

  test("the feed lists every guide and template", () => {
    const feed = readFileSync(join(dist, "feed.xml"), "utf8");
    expect(feed).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><rss version="2.0"/);
    expect([...feed.matchAll(/<item>/g)].length).toBe(slugsIn("templates").length + slugsIn("guides").length);
  });

  test("the social image is a 1200 x 630 PNG", () => {
    const png = readFileSync(join(dist, "social.png"));
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });
});

describe("_headers for Netlify and Cloudflare Pages", () => {
  const text = () => readFileSync(join(dist, "_headers"), "utf8");

  test("no line is over 2,000 characters", () => {
    for (const line of text().split("\n")) expect(line.length).toBeLessThanOrEqual(2000);
  });

  test("every page gets exactly one CSP, with frame-ancestors: none for the site, https: for embeds", () => {
    const rules = parseHeadersFile(text());
    for (const file of htmlFiles(dist)) {
      const route = routeOf(dist, file);
      const csps = rules
        .filter((rule) => pathMatches(rule.path, route))
        .flatMap((rule) => rule.headers.filter(([name]) => name.toLowerCase() === "content-security-policy"));
      expect(csps, route).toHaveLength(1);
      const policy = parseCsp(csps[0]?.[1] ?? "");
      expect(policy.get("frame-ancestors"), route).toEqual(
        route.startsWith("/embed/") ? ["https:"] : ["'none'"],
      );
      expect(policy.get("script-src"), route).not.toContain("'unsafe-inline'");
      expect(policy.get("script-src"), route).toContain("'wasm-unsafe-eval'");
      // The header must allow every inline script the page's own meta policy allows.
      const meta = parseCsp(
        (metaContent(readHtml(file), "http-equiv", "content-security-policy") ?? "").replaceAll("&#39;", "'"),
      );
      for (const source of meta.get("script-src") ?? [])
        expect(policy.get("script-src"), route).toContain(source);
    }
  });

  test("security, caching and CORS headers are set", () => {
    const rules = parseHeadersFile(text());
    const headersFor = (path: string) =>
      new Map(
        rules
          .filter((r) => pathMatches(r.path, path))
          .flatMap((r) => r.headers.map(([n, v]) => [n.toLowerCase(), v])),
      );
    const page = headersFor("/templates/x/");
    expect(page.get("x-content-type-options")).toBe("nosniff");
    expect(page.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(page.get("strict-transport-security")).toMatch(/^max-age=\d{8}/);
    expect(page.get("permissions-policy")).not.toContain("clipboard-write");
    expect(headersFor("/_astro/a.js").get("cache-control")).toContain("immutable");
    for (const path of [
      "/widget.js",
      "/widget/0.1.0-1a2b3c4d/widget.js",
      "/api/templates.json",
      "/api/templates/thank-you-text.json",
      "/api/fields.json",
      "/templates/thank-you-text.txt",
    ]) {
      expect(headersFor(path).get("access-control-allow-origin"), path).toBe("*");
    }
    expect(headersFor("/widget/0.1.0-1a2b3c4d/widget.js").get("cache-control")).toMatch(/immutable/);
    expect(headersFor("/widget.js").get("cache-control")).not.toMatch(/immutable/);
    expect(headersFor("/widget/manifest.json").get("cache-control") ?? "").not.toMatch(/immutable/);
    expect(headersFor("/embed/thank-you-text/").get("x-frame-options")).toBeUndefined();
  });
});

describe("white-label", () => {
  // Brand strings live in src/site.config.ts only; comments may name the product.
  const brandStrings = [
    site.name,
    site.publisher.name,
    new URL(site.url).host,
    site.callToAction.label,
    site.footerText,
  ];
  const stripComments = (code: string) =>
    code
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/<!--[\s\S]*?-->/g, "")
      .replace(/(^|[^:])\/\/.*$/gm, "$1");

  test("no brand string is hard-coded outside src/site.config.ts", () => {
    const offenders: string[] = [];
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : [path];
      });
    for (const file of walk(join(ROOT, "src")).filter((f) => /\.(ts|tsx|astro|css)$/.test(f))) {
      if (file.endsWith("site.config.ts")) continue;
      const code = stripComments(readFileSync(file, "utf8"));
      for (const brand of brandStrings)
        if (code.includes(brand)) offenders.push(`${file.slice(ROOT.length + 1)}: "${brand}"`);
    }
    expect(offenders).toEqual([]);
  });

  test("the built site carries the configured brand", () => {
    const home = readHtml(join(dist, "index.html"));
    expect(home).toContain(site.name);
    expect(home).toContain(site.footerText);
    expect(readHtml(join(dist, "guides/reconnect-for-a-reference/index.html"))).toContain(
      site.callToAction.url,
    );
  });
});

describe("links", () => {
  test("linkinator finds no broken link inside the built site", async () => {
    const { check, LinkState } = await import("linkinator");
    // Over HTTP from the same server the browser tests use, so pretty URLs resolve as on a host.
    const { server, url } = await serve({ root: dist });
    const origin = new URL(url).origin;
    try {
      const result = await check({
        path: url,
        recurse: true,
        concurrency: 20,
        // Only the site's own pages: other hosts are out of reach here, and absolute links to
        // the configured public URL (canonical, feed) point at the deployed site.
        linksToSkip: async (link) => Promise.resolve(!link.startsWith(origin)),
      });
      const broken = result.links
        .filter((l) => l.state === LinkState.BROKEN)
        .map((l) => `${String(l.status ?? "?")} ${l.url} (on ${l.parent ?? "?"})`);
      expect(broken).toEqual([]);
      // It crawled the whole site: every template page was reached and answered.
      const ok = new Set(
        result.links.filter((l) => l.state === LinkState.OK).map((l) => new URL(l.url).pathname),
      );
      for (const slug of slugsIn("templates")) expect(ok.has(`/templates/${slug}/`), slug).toBe(true);
    } finally {
      server.close();
    }
  }, 120_000);
});
