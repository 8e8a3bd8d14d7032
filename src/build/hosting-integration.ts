/**
 * Finishes the build: moves Astro's island style rule into <head> (valid HTML, see
 * hoistBodyStyles), then writes the files a static host needs beside the pages: robots.txt
 * (naming the sitemap that src/build/sitemap.ts has @astrojs/sitemap write) and _headers
 * (security headers, caching and CORS for Netlify and Cloudflare Pages; see docs/deploying.md
 * for other hosts).
 *
 * The Content-Security-Policy header repeats each page's <meta> policy (which Astro computes,
 * with hashes for its inline scripts) and adds what only a header can carry: frame-ancestors.
 * Browsers enforce both policies, so the header must allow every inline script the pages
 * use: it takes the union of the hashes found in the built pages.
 */
import type { AstroIntegration } from "astro";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import {
  formatCsp,
  headersFile,
  hoistBodyStyles,
  parseCsp,
  robotsTxt,
  SITEMAP_INDEX,
  type HeaderRule,
} from "../lib/hosting.ts";

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith(".html") ? [path] : [];
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

const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // Turns off powerful features the site never uses; clipboard-write stays allowed for Copy.
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
};

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
      "astro:build:done": async ({ dir }) => {
        const root = fileURLToPath(dir);
        const pages = htmlFiles(root).map((file) => {
          const built = readFileSync(file, "utf8");
          const html = hoistBodyStyles(built);
          if (html !== built) writeFileSync(file, html);
          const path = `/${relative(root, file).replace(/\\/g, "/")}`.replace(/index\.html$/, "");
          return { path, csp: CSP_META.exec(html)?.[1] ?? "" };
        });

        const sitemapUrl = new URL(`${base}${SITEMAP_INDEX}`, siteUrl).href;

        const isEmbed = (path: string) => path.startsWith("/embed/");
        const siteCsp = unionCsp(pages.filter((p) => !isEmbed(p.path)).map((p) => p.csp));
        siteCsp.set("frame-ancestors", ["'none'"]);
        const embedCsp = unionCsp(pages.filter((p) => isEmbed(p.path)).map((p) => p.csp));
        // The iframe embeds may be framed by any https page; the rest of the site by none.
        embedCsp.set("frame-ancestors", ["https:"]);

        // One rule per top-level folder, so no page ever matches two CSP rules (Cloudflare would
        // join them into two policies, and the stricter frame-ancestors would win).
        const sections = [...new Set(pages.map((p) => p.path.split("/")[1] ?? ""))]
          .filter((section) => section !== "embed")
          .sort();
        const prefixed = (path: string) => `${base}${path.replace(/^\//, "")}`;
        const rules: HeaderRule[] = [
          { path: prefixed("/*"), headers: SECURITY_HEADERS },
          ...sections.map((section) => ({
            path: prefixed(
              section === "" ? "/" : section.endsWith(".html") ? `/${section}` : `/${section}/*`,
            ),
            headers: { "Content-Security-Policy": formatCsp(siteCsp) },
          })),
          { path: prefixed("/embed/*"), headers: { "Content-Security-Policy": formatCsp(embedCsp) } },
          {
            path: prefixed("/_astro/*"),
            headers: { "Cache-Control": "public, max-age=31536000, immutable" },
          },
          // Other sites load the widget, its data and the plain-text templates (docs/embedding.md).
          { path: prefixed("/templates/*"), headers: { "Access-Control-Allow-Origin": "*" } },
          { path: prefixed("/widget/*"), headers: { "Access-Control-Allow-Origin": "*" } },
          {
            path: prefixed("/widget/:version/widget.js"),
            headers: {
              "Cache-Control": "public, max-age=31536000, immutable",
              "Access-Control-Allow-Origin": "*",
            },
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

        await Promise.all([
          writeFile(join(root, "robots.txt"), robotsTxt(sitemapUrl)),
          writeFile(join(root, "_headers"), headersFile(rules)),
        ]);
      },
    },
  };
}
