import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join, resolve } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { checkLibrary } from "../../src/build/content-check.ts";
import { allFacetValues } from "../../src/lib/facets.ts";
import { buildSite } from "../helpers/build-site.ts";
import { describeAssets, gzipSize, pageScripts, pageStyles, total } from "../helpers/budget.ts";
import { htmlFiles, metaContent, readHtml, routeOf, titleOf } from "../helpers/html.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const dist = mkdtempSync(join(tmpdir(), "rk-dist-"));

function slugsIn(folder: string): string[] {
  return readdirSync(join(ROOT, "src/content", folder)).map((name) => basename(name, extname(name)));
}

beforeAll(() => {
  buildSite(dist);
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

test("the Pagefind index is built", () => {
  expect(existsSync(join(dist, "pagefind/pagefind.js"))).toBe(true);
  expect(existsSync(join(dist, "pagefind/pagefind-entry.json"))).toBe(true);
});

describe("byte budgets (gzipped), per page", () => {
  const KB = 1024;
  const pages = () => htmlFiles(dist).map((file) => ({ route: routeOf(dist, file), html: readHtml(file) }));
  // Filter pages such as /templates/channel/text/ are two levels deep, so they do not match.
  const isTemplatePage = (route: string) => /^\/templates\/[^/]+\/$/.test(route);
  const hasIsland = (html: string) => html.includes("<astro-island");

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

  test("a template page has the fill-in island", () => {
    const templatePages = pages().filter(({ route }) => isTemplatePage(route));
    expect(templatePages.length).toBeGreaterThan(40);
    for (const { route, html } of templatePages) {
      expect(
        pageScripts(dist, html).some((s) => s.name.includes("TemplateFiller")),
        route,
      ).toBe(true);
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
