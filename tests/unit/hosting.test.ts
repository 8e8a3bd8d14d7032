import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  headersFor,
  inlineScripts,
  isCspScript,
  scriptHash,
  formatCsp,
  headersFile,
  isNoindex,
  parseCsp,
  parseHeadersFile,
  parseRedirectsFile,
  pathMatches,
  redirectsFile,
  rewriteFor,
  robotsTxt,
  type HeadersHost,
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

describe("_headers: writing and reading", () => {
  test("writes blocks, merges repeated paths, puts detach lines first and reads back", () => {
    const text = headersFile([
      { path: "/*", headers: { "X-Content-Type-Options": "nosniff" } },
      { path: "/api/*", headers: { "Content-Security-Policy": "default-src 'self'" } },
      { path: "/api/*", headers: { "Access-Control-Allow-Origin": "*" }, detach: ["X-Frame-Options"] },
    ]);
    expect(text).toBe(
      "/*\n  X-Content-Type-Options: nosniff\n\n/api/*\n  ! X-Frame-Options\n  Content-Security-Policy: default-src 'self'\n  Access-Control-Allow-Origin: *\n",
    );
    expect(parseHeadersFile(text)).toEqual([
      { path: "/*", headers: [["X-Content-Type-Options", "nosniff"]], detach: [], line: 1 },
      {
        path: "/api/*",
        headers: [
          ["Content-Security-Policy", "default-src 'self'"],
          ["Access-Control-Allow-Origin", "*"],
        ],
        detach: ["X-Frame-Options"],
        line: 4,
      },
    ]);
  });

  test("a path line is one that starts with /, indented or not; comments and blank lines are skipped", () => {
    expect(parseHeadersFile("# top\n  /a/*\n    X-A: 1\n\n/b\n# note\nX-B: 2: with a colon\n")).toEqual([
      { path: "/a/*", headers: [["X-A", "1"]], detach: [], line: 2 },
      { path: "/b", headers: [["X-B", "2: with a colon"]], detach: [], line: 5 },
    ]);
  });

  test.each([
    ["  X-A: b\n", /line 1: "X-A: b" comes before any path; put a path line such as "\/\*" above it/],
    [
      "/a\n  just words\n",
      /line 2: "just words" has no colon; write "Header-Name: value" or "! Header-Name"/,
    ],
    ["/a\n  X-A:\n", /line 2: X-A has no value/],
    ["/a\n  Bad Name: 1\n", /line 2: "Bad Name" is not a header name/],
    ["/a\n  !\n", /line 2: "!" names no header/],
    ["https://example.com/a\n  X-A: 1\n", /line 1: .* is an absolute URL; write the path alone/],
  ])("%j is refused with the line and the fix", (text, message) => {
    expect(() => parseHeadersFile(text)).toThrow(message);
  });

  test("any rules written read back the same (property)", () => {
    const name = fc.stringMatching(/^[A-Z][A-Za-z-]{0,15}$/);
    const value = fc.stringMatching(/^[!-~][ -~]{0,30}$/).filter((v) => v.trim() === v);
    const path = fc.stringMatching(/^\/[a-z0-9*:./_-]{0,20}$/);
    const rules = fc.array(
      fc.record({
        path,
        headers: fc.dictionary(name, value, { maxKeys: 4 }),
        detach: fc.uniqueArray(name, { maxLength: 2 }),
      }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(rules, (input) => {
        const read = parseHeadersFile(headersFile(input));
        const expected = new Map<string, { headers: Record<string, string>; detach: Set<string> }>();
        for (const rule of input) {
          const block = expected.get(rule.path) ?? { headers: {}, detach: new Set<string>() };
          Object.assign(block.headers, rule.headers);
          for (const n of rule.detach) block.detach.add(n);
          expected.set(rule.path, block);
        }
        expect(read.map((r) => [r.path, Object.fromEntries(r.headers), new Set(r.detach)])).toEqual(
          [...expected].map(([p, b]) => [p, b.headers, b.detach]),
        );
      }),
    );
  });
});

describe("_headers: which rules match a path", () => {
  test.each([
    // pattern, path, Cloudflare, Netlify
    ["/*", "/anything/here/", true, true],
    ["/*", "/", true, true],
    ["/templates/*", "/templates/a/", true, true],
    ["/templates/*", "/templates/a/b.txt", true, true],
    ["/templates/*", "/tactics/a/", false, false],
    // The guide page /embed/ is inside "/embed/*" for both hosts: the splat may be empty.
    ["/embed/*", "/embed/", true, true],
    ["/embed/*", "/embed", false, true],
    ["/embed/:slug/", "/embed/thank-you-text/", true, true],
    ["/embed/:slug/", "/embed/", false, false],
    ["/embed/:slug/", "/embed/a/b/", false, false],
    ["/embed/:slug/", "/embed/thank-you-text", false, true],
    ["/", "/", true, true],
    ["/", "/a/", false, false],
    ["/404.html", "/404.html", true, true],
    ["/404.html", "/404xhtml", false, false],
    ["/widget.js", "/WIDGET.JS", false, true],
    ["/widget/:version/widget.js", "/widget/0.1.0-1a2b/widget.js", true, true],
    ["/widget/:version/widget.js", "/widget/a/b/widget.js", false, false],
    ["/*.js", "/a/b.js", true, true],
    ["/careers/reconnect/*", "/careers/reconnect/", true, true],
    ["/careers/reconnect/*", "/careers/other/", false, false],
  ])("%s against %s: Cloudflare %s, Netlify %s", (pattern, path, cloudflare, netlify) => {
    expect(pathMatches(pattern, path, "cloudflare")).toBe(cloudflare);
    expect(pathMatches(pattern, path, "netlify")).toBe(netlify);
  });
});

describe("_headers: the headers a path gets", () => {
  const rules = parseHeadersFile(
    [
      "/*",
      "  Content-Security-Policy: frame-ancestors 'none'",
      "  X-Content-Type-Options: nosniff",
      "/api/*",
      "  Access-Control-Allow-Origin: *",
      "/api/v1/*",
      "  Access-Control-Allow-Origin: *",
      "  Vary: Origin",
      "  Vary: Accept",
      "/embed/:slug/",
      "  ! Content-Security-Policy",
      "  Content-Security-Policy: frame-ancestors https:",
      "/_astro/*",
      "  Cache-Control: immutable",
    ].join("\n"),
  );
  const defaults = { "Content-Type": "text/html", "Cache-Control": "no-cache" };

  test.each<[string, string, HeadersHost, Record<string, string>]>([
    [
      "every rule that matches applies, over the server's defaults",
      "/_astro/a.js",
      "cloudflare",
      {
        "content-type": "text/html",
        "cache-control": "immutable",
        "content-security-policy": "frame-ancestors 'none'",
        "x-content-type-options": "nosniff",
      },
    ],
    [
      "Cloudflare joins a header two rules set, which can make it invalid",
      "/api/v1/x.json",
      "cloudflare",
      {
        "content-type": "text/html",
        "cache-control": "no-cache",
        "content-security-policy": "frame-ancestors 'none'",
        "x-content-type-options": "nosniff",
        "access-control-allow-origin": "*, *",
        vary: "Origin, Accept",
      },
    ],
    [
      "Netlify lets the later rule win",
      "/api/v1/x.json",
      "netlify",
      {
        "content-type": "text/html",
        "cache-control": "no-cache",
        "content-security-policy": "frame-ancestors 'none'",
        "x-content-type-options": "nosniff",
        "access-control-allow-origin": "*",
        vary: "Origin, Accept",
      },
    ],
    [
      "Cloudflare detaches with ! and then sets the rule's own value, so one policy remains",
      "/embed/a/",
      "cloudflare",
      {
        "content-type": "text/html",
        "cache-control": "no-cache",
        "content-security-policy": "frame-ancestors https:",
        "x-content-type-options": "nosniff",
      },
    ],
    [
      "Netlify skips the ! line and the later value wins: the same one policy",
      "/embed/a/",
      "netlify",
      {
        "content-type": "text/html",
        "cache-control": "no-cache",
        "content-security-policy": "frame-ancestors https:",
        "x-content-type-options": "nosniff",
      },
    ],
    [
      "a path no specific rule names (a 404) still gets the catch-all's headers",
      "/no/such/page/",
      "cloudflare",
      {
        "content-type": "text/html",
        "cache-control": "no-cache",
        "content-security-policy": "frame-ancestors 'none'",
        "x-content-type-options": "nosniff",
      },
    ],
  ])("%s", (_name, path, host, expected) => {
    expect(Object.fromEntries(headersFor(rules, path, defaults, host))).toEqual(expected);
  });

  test("! also removes a header the server sends by default (Cloudflare)", () => {
    const detaching = parseHeadersFile("/*\n  ! Cache-Control\n");
    expect(Object.fromEntries(headersFor(detaching, "/a", defaults, "cloudflare"))).toEqual({
      "content-type": "text/html",
    });
    expect(Object.fromEntries(headersFor(detaching, "/a", defaults, "netlify"))).toEqual({
      "content-type": "text/html",
      "cache-control": "no-cache",
    });
  });
});

test("CSP strings parse and format", () => {
  const csp = parseCsp("default-src 'self'; script-src 'self' 'sha256-x';  frame-ancestors 'none';");
  expect([...csp.keys()]).toEqual(["default-src", "script-src", "frame-ancestors"]);
  expect(formatCsp(csp)).toBe("default-src 'self'; script-src 'self' 'sha256-x'; frame-ancestors 'none'");
});

describe("_redirects: rewrites", () => {
  const rewrites = [{ from: "/careers/embed/:slug/", to: "/careers/embed/frame/" }];

  test("writes one rewrite a line and reads it back", () => {
    const text = redirectsFile(rewrites);
    expect(text).toBe("/careers/embed/:slug/ /careers/embed/frame/ 200\n");
    expect(parseRedirectsFile(`# comment\n\n${text}`)).toEqual(rewrites);
  });

  test.each([
    ["/careers/embed/thank-you-text/", "/careers/embed/frame/", "/careers/embed/frame/"],
    ["/careers/embed/", undefined, undefined],
    ["/careers/embed/a/b/", undefined, undefined],
    // Netlify also ignores a missing trailing slash and case.
    ["/careers/embed/thank-you-text", undefined, "/careers/embed/frame/"],
  ])("%s -> Cloudflare %j, Netlify %j", (path, cloudflare, netlify) => {
    expect(rewriteFor(rewrites, path, "cloudflare")).toBe(cloudflare);
    expect(rewriteFor(rewrites, path, "netlify")).toBe(netlify);
  });

  test.each([
    ["/a/ /b/ 301", "line 1", "is not a rewrite"],
    ["/a/ /b/", "line 1", "is not a rewrite"],
    ["a/ /b/ 200", "line 1", 'must start with "/"'],
    ["/a/:x/ /b/:x/ 200", "line 1", "must be a fixed path"],
  ])("refuses %j and says where and how to fix it", (text, where, why) => {
    expect(() => parseRedirectsFile(text)).toThrow(where);
    expect(() => parseRedirectsFile(text)).toThrow(why);
  });
});

describe("inline scripts and their CSP hashes", () => {
  test("finds inline scripts with their type and exact text, and leaves out scripts with src", () => {
    const html = [
      '<head><script type="application/ld+json">{"a":1}</script>',
      "<script>\n  var a = 1;\n</script></head>",
      '<body><script type="module" src="/_astro/x.js"></script>',
      "<script type='module'>import './y.js';</script>",
      "<SCRIPT TYPE=text/javascript>b()</SCRIPT></body>",
    ].join("");
    expect(inlineScripts(html)).toEqual([
      { type: "application/ld+json", text: '{"a":1}' },
      { type: "", text: "\n  var a = 1;\n" },
      { type: "module", text: "import './y.js';" },
      { type: "text/javascript", text: "b()" },
    ]);
  });

  test.each([
    ["", true],
    ["module", true],
    ["MODULE", true],
    ["text/javascript", true],
    ["text/javascript; charset=utf-8", true],
    ["importmap", true],
    ["application/json", false],
    ["application/ld+json", false],
    ["text/plain", false],
  ])("type %j runs under script-src: %s", (type, runs) => {
    expect(isCspScript(type)).toBe(runs);
  });

  test.each([
    // Known answers, computed with `printf %s TEXT | openssl dgst -sha256 -binary | base64`.
    ["", "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="],
    ["alert(1)", "sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI="],
  ])("the hash of %j is %s", async (text, hash) => {
    await expect(scriptHash(text)).resolves.toBe(hash);
  });
});
