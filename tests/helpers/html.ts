/** Small readers for built HTML files; enough for build-output tests without a DOM library. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * The site's pages. Pagefind's files and the content editor (/admin/, src/build/cms-integration.ts)
 * are no pages of the site: the editor has tests of its own (tests/build/build-output.test.ts).
 */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "pagefind" || name === "admin" ? [] : htmlFiles(path);
    return name.endsWith(".html") ? [path] : [];
  });
}

/** "/templates/x/" for dist/templates/x/index.html. */
export function routeOf(dist: string, file: string): string {
  const path = `/${relative(dist, file).replace(/\\/g, "/")}`;
  return path.replace(/index\.html$/, "");
}

export function readHtml(file: string): string {
  return readFileSync(file, "utf8");
}

export function titleOf(html: string): string | undefined {
  return /<title>([^<]*)<\/title>/.exec(html)?.[1]?.trim();
}

export function metaContent(html: string, attribute: string, value: string): string | undefined {
  const tag = new RegExp(`<meta[^>]*${attribute}="${value}"[^>]*>`, "i").exec(html)?.[0];
  return tag === undefined ? undefined : /content="([^"]*)"/.exec(tag)?.[1];
}
