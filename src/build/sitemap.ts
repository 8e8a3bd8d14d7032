/**
 * The sitemap, written by @astrojs/sitemap (sitemap-index.xml naming sitemap-0.xml, …, under
 * the base path). It lists every built page except the ones a page itself marks noindex (the
 * iframe embed page) and the 404 page, which the integration leaves out on its own.
 *
 * Why read the built page to decide: whether a page is indexable is said once, by its
 * <meta name="robots" content="noindex"> (BaseLayout's `noindex`, EmbedLayout), so the sitemap
 * can never disagree with the pages. It reads one page per route, not every page: a route's
 * pages share its layout, and so its robots line (issue 17: no post-build step rereads every
 * page). The settings hook runs before the sitemap's own, as integrations run in order.
 */
import sitemap from "@astrojs/sitemap";
import type { AstroIntegration } from "astro";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { isNoindex } from "../lib/hosting.ts";

export function siteMap(): AstroIntegration[] {
  let outDir: URL | undefined;
  let base = "/";
  /** The built HTML files of routes whose pages say noindex. */
  const noindexFiles = new Set<string>();

  /** The built HTML file for a page URL, as build.format "directory" writes it. */
  const isIndexable = (pageUrl: string): boolean => {
    if (outDir === undefined) return true;
    const path = new URL(pageUrl).pathname;
    const inSite = path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, "");
    const file = new URL(`${inSite}${inSite === "" || inSite.endsWith("/") ? "index.html" : ""}`, outDir);
    return !noindexFiles.has(fileURLToPath(file));
  };

  const settings: AstroIntegration = {
    name: "reconnect-kit:sitemap-settings",
    hooks: {
      "astro:config:done": ({ config }) => {
        outDir = config.outDir.href.endsWith("/") ? config.outDir : new URL(`${config.outDir.href}/`);
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
      },
      "astro:build:done": async ({ assets }) => {
        await Promise.all(
          [...assets.values()].map(async (files) => {
            const pages = files.filter((file) => file.pathname.endsWith(".html"));
            const first = pages[0];
            if (first === undefined || !isNoindex(await readFile(first, "utf8"))) return;
            for (const page of pages) noindexFiles.add(fileURLToPath(page));
          }),
        );
      },
    },
  };
  return [settings, sitemap({ filter: isIndexable })];
}
