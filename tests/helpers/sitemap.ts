/**
 * Reads a built sitemap the way a crawler does: robots.txt's Sitemap line names the index
 * (@astrojs/sitemap's sitemap-index.xml), which names one or more sitemap files listing the
 * pages. The files are read from the build folder, so no server is needed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const locs = (xml: string): string[] => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? "");

/** The index's address, from robots.txt. */
export function sitemapIndexUrl(dist: string): URL {
  const line = /^Sitemap: (\S+)$/m.exec(readFileSync(join(dist, "robots.txt"), "utf8"));
  if (line?.[1] === undefined) throw new Error(`${dist}/robots.txt names no sitemap`);
  return new URL(line[1]);
}

/** Every page URL the sitemap lists, in its order. `base` is the site's base path ("/" at the root). */
export function sitemapUrls(dist: string, base = "/"): URL[] {
  const inDist = (url: URL): string => {
    if (!url.pathname.startsWith(base)) throw new Error(`${url.href} is outside the base path ${base}`);
    return join(dist, url.pathname.slice(base.length));
  };
  const index = readFileSync(inDist(sitemapIndexUrl(dist)), "utf8");
  if (!index.includes("<sitemapindex"))
    throw new Error("robots.txt names a file that is not a sitemap index");
  return locs(index).flatMap((sitemap) =>
    locs(readFileSync(inDist(new URL(sitemap)), "utf8")).map((page) => new URL(page)),
  );
}
