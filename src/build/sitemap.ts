/**
 * The sitemap, written by @astrojs/sitemap (sitemap-index.xml naming sitemap-0.xml, …, under
 * the base path). It lists every built page except the ones a page itself marks noindex (the
 * iframe embeds) and the 404 page, which the integration leaves out on its own.
 *
 * Why read the built page to decide: whether a page is indexable is said once, by its
 * <meta name="robots" content="noindex"> (BaseLayout's `noindex`, EmbedLayout), so the sitemap
 * can never disagree with the pages. The filter runs in astro:build:done, when the HTML exists.
 */
import sitemap from "@astrojs/sitemap";
import type { AstroIntegration } from "astro";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isNoindex } from "../lib/hosting.ts";

export function siteMap(): AstroIntegration[] {
  let outDir: URL | undefined;
  let base = "/";

  /** The built HTML file for a page URL, as build.format "directory" writes it. */
  const isIndexable = (pageUrl: string): boolean => {
    if (outDir === undefined) return true;
    const path = new URL(pageUrl).pathname;
    const inSite = path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, "");
    const file = new URL(`${inSite}${inSite === "" || inSite.endsWith("/") ? "index.html" : ""}`, outDir);
    try {
      return !isNoindex(readFileSync(fileURLToPath(file), "utf8"));
    } catch {
      // Not an HTML file we wrote (the integration only lists pages, so this should not happen).
      return true;
    }
  };

  const settings: AstroIntegration = {
    name: "reconnect-kit:sitemap-settings",
    hooks: {
      "astro:config:done": ({ config }) => {
        outDir = config.outDir.href.endsWith("/") ? config.outDir : new URL(`${config.outDir.href}/`);
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
      },
    },
  };
  return [settings, sitemap({ filter: isIndexable })];
}
