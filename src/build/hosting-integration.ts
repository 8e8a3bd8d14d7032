/**
 * Finishes the build: writes the files a static host needs beside the pages: robots.txt
 * (naming the sitemap that src/build/sitemap.ts has @astrojs/sitemap write), _headers
 * (security headers, caching and CORS for Netlify and Cloudflare Pages; see docs/deploying.md
 * for other hosts) and _redirects (the old per-template embed addresses, answered by the one
 * embed page).
 *
 * The Content-Security-Policy header repeats the pages' <meta> policies (which Astro computes,
 * with hashes for its inline scripts) and adds what only a header can carry: frame-ancestors.
 * Browsers enforce both policies, and the header is the only one that covers what comes before
 * the <meta> tag (the theme script), so it must allow every inline script the pages use: it
 * takes the union of the hashes in the built pages' policies, after checking that each page's
 * policy holds every inline script that page has.
 *
 * It reads one built page per route, not every page: Astro hashes what a route's module graph
 * bundles (its scripts and styles), so every page of a route has the same policy and the same
 * inline scripts. At 5,000 templates that is a few dozen files instead of 5,000 (issue 17). The rules and how hosts read them are in
 * src/lib/hosting.ts, which scripts/serve.ts also uses to serve them.
 */
import type { AstroIntegration } from "astro";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  formatCsp,
  headersFile,
  inlineScripts,
  isCspScript,
  parseCsp,
  redirectsFile,
  rewriteFor,
  robotsTxt,
  scriptHash,
  SITEMAP_INDEX,
  type HeaderRule,
  type Rewrite,
} from "../lib/hosting.ts";
import { EMBED_FRAME_PATH } from "../lib/api/frame.ts";
import { ADMIN_CSP, ADMIN_DIR } from "./cms-integration.ts";

/** One built HTML file per route (the first Astro wrote for it): see the note at the top. */
function onePagePerRoute(assets: ReadonlyMap<string, readonly URL[]>): string[] {
  return [...assets.values()].flatMap((files) => {
    const page = files.find((file) => file.pathname.endsWith(".html"));
    return page === undefined ? [] : [fileURLToPath(page)];
  });
}

const CSP_META = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;

/** Merge page policies: the same directives, each with the union of its sources. */
function unionCsp(policies: readonly string[]): Map<string, string[]> {
  const merged = new Map<string, string[]>();
  for (const policy of policies) {
    for (const [name, values] of parseCsp(policy.replaceAll("&#39;", "'"))) {
      merged.set(name, [...new Set([...(merged.get(name) ?? []), ...values])]);
    }
  }
  return merged;
}

/**
 * Every inline script a page runs must be in that page's own policy (and so in the header's,
 * which holds them all). Astro hashes what it bundles; an is:inline script needs its hash given
 * to Astro, or it is blocked on every page that has it. This stops the build instead.
 */
async function checkInlineScripts(pages: readonly { file: string; html: string; csp: string }[]) {
  const problems: string[] = [];
  for (const page of pages) {
    const allowed = parseCsp(page.csp.replaceAll("&#39;", "'")).get("script-src") ?? [];
    for (const script of inlineScripts(page.html).filter((s) => isCspScript(s.type))) {
      if (allowed.includes(`'${await scriptHash(script.text)}'`)) continue;
      problems.push(`  ${page.file}: <script>${script.text.replace(/\s+/g, " ").trim().slice(0, 60)}…`);
    }
  }
  if (problems.length === 0) return;
  throw new Error(
    [
      `${String(problems.length)} inline script(s) are not in their page's Content-Security-Policy, so browsers would not run them:`,
      ...problems.slice(0, 10),
      ...(problems.length > 10 ? [`  … and ${String(problems.length - 10)} more`] : []),
      "Fix: let Astro bundle the script (drop is:inline), or keep its text in one module and pass its hash to Astro.csp.insertScriptHash(), as src/components/ThemeHead.astro does.",
    ].join("\n"),
  );
}

const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // Turns off powerful features the site never uses; clipboard-write stays allowed for Copy.
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
};

/** Who may frame the iframe embed (/embed/frame/, and /embed/<slug>/ rewritten to it): any https page, and local development servers. */
export const EMBED_ANCESTORS = "https: http://localhost:* http://127.0.0.1:*";

/**
 * Embeds made while each template had an embed page of its own keep working: their address is
 * answered by the one embed page, which reads the slug from it (frame.ts).
 */
function embedRewrites(base: string): Rewrite[] {
  return [{ from: `${base}embed/:slug/`, to: `${base}${EMBED_FRAME_PATH}` }];
}

export function hostingFiles(): AstroIntegration {
  let siteUrl = "";
  let base = "/";
  return {
    name: "reconnect-kit:hosting-files",
    hooks: {
      "astro:config:done": ({ config }) => {
        siteUrl = config.site ?? "";
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
      },
      // `astro dev` answers the old embed addresses as the hosts do.
      "astro:server:setup": ({ server }) => {
        const rewrites = embedRewrites(base);
        server.middlewares.use((request, _response, next) => {
          const url = new URL(request.url ?? "/", "http://dev");
          const target = rewriteFor(rewrites, url.pathname);
          if (target !== undefined && target !== url.pathname) request.url = `${target}${url.search}`;
          next();
        });
      },
      "astro:build:done": async ({ dir, assets }) => {
        const root = fileURLToPath(dir);
        // The editor is written after this (src/build/cms-integration.ts) and keeps its own policy.
        const pages = await Promise.all(
          onePagePerRoute(assets).map(async (file) => {
            const html = await readFile(file, "utf8");
            return { file, html, csp: CSP_META.exec(html)?.[1] ?? "" };
          }),
        );

        const sitemapUrl = new URL(`${base}${SITEMAP_INDEX}`, siteUrl).href;

        await checkInlineScripts(pages);
        // One script-src for every page, so any page (and the 404 page, wherever it is served)
        // runs under either policy; the two differ only in who may frame them.
        const scripts = unionCsp(pages.map((p) => p.csp));
        const policy = (frameAncestors: string) =>
          formatCsp(new Map([...scripts, ["frame-ancestors", [frameAncestors]]]));
        const prefixed = (path: string) => `${base}${path.replace(/^\//, "")}`;
        // Hosts match rules against the requested address, so "/*" is what reaches an unknown
        // one (answered with 404.html) as well as every page. The iframe embeds are one segment
        // below /embed/ ("/embed/*" would take in the guide page /embed/ too) and swap the
        // policy for theirs: Cloudflare would join two values into two policies, the stricter
        // frame-ancestors winning, so "! Content-Security-Policy" detaches the first there;
        // Netlify skips that line and lets the later rule's value win. Either way one policy.
        // No other header is set by two rules that match the same path, for the same reason.
        const rules: HeaderRule[] = [
          {
            path: prefixed("/*"),
            headers: { ...SECURITY_HEADERS, "Content-Security-Policy": policy("'none'") },
          },
          {
            // The iframe embed may be framed by any https page (docs/embedding.md), and by a
            // WordPress on the writer's own machine (docs/wordpress.md). One segment below
            // /embed/: the embed page itself (/embed/frame/) and the old addresses rewritten to it.
            path: prefixed("/embed/:slug/"),
            detach: ["Content-Security-Policy"],
            headers: { "Content-Security-Policy": policy(EMBED_ANCESTORS) },
          },
          {
            // The content editor runs under its own, looser policy (ADMIN_CSP says why); no
            // page of the site is framed or served under it.
            path: prefixed(`/${ADMIN_DIR}/*`),
            detach: ["Content-Security-Policy"],
            headers: {
              "Content-Security-Policy": `${ADMIN_CSP}; frame-ancestors 'none'`,
              "X-Robots-Tag": "noindex",
              "Cache-Control": "no-cache",
            },
          },
          {
            path: prefixed("/_astro/*"),
            // A sandboxed iframe embed (WordPress's oEmbed) has an opaque origin, so its module
            // scripts are cross-origin requests from "null".
            headers: {
              "Cache-Control": "public, max-age=31536000, immutable",
              "Access-Control-Allow-Origin": "*",
            },
          },
          // Other sites load the widget, its data and the plain-text templates (docs/embedding.md).
          { path: prefixed("/templates/*"), headers: { "Access-Control-Allow-Origin": "*" } },
          // Takes in the versioned widget files, so the next rule sets only their caching.
          { path: prefixed("/widget/*"), headers: { "Access-Control-Allow-Origin": "*" } },
          {
            path: prefixed("/widget/:version/widget.js"),
            headers: { "Cache-Control": "public, max-age=31536000, immutable" },
          },
          {
            path: prefixed("/widget.js"),
            headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
          },
          {
            path: prefixed("/api/*"),
            headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
          },
        ];

        const rewrites = embedRewrites(base);

        await Promise.all([
          writeFile(join(root, "robots.txt"), robotsTxt(sitemapUrl)),
          writeFile(join(root, "_headers"), headersFile(rules)),
          writeFile(join(root, "_redirects"), redirectsFile(rewrites)),
        ]);
      },
    },
  };
}
