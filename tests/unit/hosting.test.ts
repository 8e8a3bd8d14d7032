import { describe, expect, test } from "vitest";
import {
  formatCsp,
  hoistBodyStyles,
  headersFile,
  isNoindex,
  parseCsp,
  parseHeadersFile,
  pathMatches,
  robotsTxt,
} from "../../src/lib/hosting.ts";

test("robots.txt allows everything and names the sitemap", () => {
  expect(robotsTxt("https://x.com/sitemap-index.xml")).toBe(
    "User-agent: *\nAllow: /\n\nSitemap: https://x.com/sitemap-index.xml\n",
  );
});

test("a page is noindex only when its robots meta says so", () => {
  expect(isNoindex('<head><meta name="robots" content="noindex" /></head>')).toBe(true);
  expect(isNoindex('<head><meta name="description" content="noindex" /></head>')).toBe(false);
});

describe("_headers", () => {
  test("writes blocks, merges repeated paths and reads back", () => {
    const text = headersFile([
      { path: "/*", headers: { "X-Content-Type-Options": "nosniff" } },
      { path: "/api/*", headers: { "Content-Security-Policy": "default-src 'self'" } },
      { path: "/api/*", headers: { "Access-Control-Allow-Origin": "*" } },
    ]);
    expect(text).toBe(
      "/*\n  X-Content-Type-Options: nosniff\n\n/api/*\n  Content-Security-Policy: default-src 'self'\n  Access-Control-Allow-Origin: *\n",
    );
    expect(parseHeadersFile(text)).toEqual([
      { path: "/*", headers: [["X-Content-Type-Options", "nosniff"]] },
      {
        path: "/api/*",
        headers: [
          ["Content-Security-Policy", "default-src 'self'"],
          ["Access-Control-Allow-Origin", "*"],
        ],
      },
    ]);
  });

  test("a header line before any path is an error", () => {
    expect(() => parseHeadersFile("  X-A: b\n")).toThrow(/outside a path block/);
  });

  test.each([
    ["/*", "/anything/here/", true],
    ["/templates/*", "/templates/a/", true],
    ["/templates/*", "/tactics/a/", false],
    ["/", "/", true],
    ["/", "/a/", false],
    ["/404.html", "/404.html", true],
    ["/widget/:version/widget.js", "/widget/0.1.0-1a2b/widget.js", true],
    ["/widget/:version/widget.js", "/widget/a/b/widget.js", false],
  ])("%s matches %s: %s", (pattern, path, expected) => {
    expect(pathMatches(pattern, path)).toBe(expected);
  });
});

test("CSP strings parse and format", () => {
  const csp = parseCsp("default-src 'self'; script-src 'self' 'sha256-x';  frame-ancestors 'none';");
  expect([...csp.keys()]).toEqual(["default-src", "script-src", "frame-ancestors"]);
  expect(formatCsp(csp)).toBe("default-src 'self'; script-src 'self' 'sha256-x'; frame-ancestors 'none'");
});

test("body styles move into the head, unchanged", () => {
  const html =
    "<html><head><title>x</title></head><body><p>a</p><style>astro-island{display:contents}</style><astro-island></astro-island></body></html>";
  expect(hoistBodyStyles(html)).toBe(
    "<html><head><title>x</title><style>astro-island{display:contents}</style></head><body><p>a</p><astro-island></astro-island></body></html>",
  );
  expect(hoistBodyStyles("<html><head></head><body><p>a</p></body></html>")).toBe(
    "<html><head></head><body><p>a</p></body></html>",
  );
});
