/**
 * The files a static host reads beside the pages: robots.txt (RFC 9309) and _headers (the
 * format Netlify and Cloudflare Pages share). The sitemap itself is @astrojs/sitemap's.
 */

/** The file @astrojs/sitemap writes at the base path, naming the sitemap files; robots.txt points to it. */
export const SITEMAP_INDEX = "sitemap-index.xml";

/** A page that asks not to be indexed; the sitemap and the title checks leave it out. */
export function isNoindex(html: string): boolean {
  return /<meta name="robots" content="noindex"/.test(html);
}

export function robotsTxt(sitemapUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`;
}

export interface HeaderRule {
  /** A path pattern: "/", "/templates/*". */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Cloudflare and Netlify read one block per path, headers indented below it. Rules for the same
 * path are merged into one block, later values winning, so a path never repeats.
 */
export function headersFile(input: readonly HeaderRule[]): string {
  const merged = new Map<string, Record<string, string>>();
  for (const rule of input) merged.set(rule.path, { ...(merged.get(rule.path) ?? {}), ...rule.headers });
  const rules = [...merged].map(([path, headers]) => ({ path, headers }));
  return `${rules
    .map((rule) =>
      [rule.path, ...Object.entries(rule.headers).map(([name, value]) => `  ${name}: ${value}`)].join("\n"),
    )
    .join("\n\n")}\n`;
}

export interface ParsedHeaderRule {
  readonly path: string;
  readonly headers: [string, string][];
}

/** Reads a _headers file back; used by the tests and by anyone checking a deploy. */
export function parseHeadersFile(text: string): ParsedHeaderRule[] {
  const rules: ParsedHeaderRule[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
      continue;
    }
    const rule = rules[rules.length - 1];
    const colon = line.indexOf(":");
    if (rule === undefined || colon === -1)
      throw new Error(`_headers: a header line outside a path block: ${line}`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/**
 * Does a _headers path pattern match a URL path? "*" matches any run of characters and a
 * placeholder such as ":version" matches one path segment, as Netlify and Cloudflare read them.
 */
export function pathMatches(pattern: string, path: string): boolean {
  const source = pattern
    .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/:\w+/g, "[^/]+");
  return new RegExp(`^${source}$`).test(path);
}

/** The directives of a CSP string, keyed by name. */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name !== undefined && name !== "") directives.set(name.toLowerCase(), values);
  }
  return directives;
}

export function formatCsp(directives: ReadonlyMap<string, readonly string[]>): string {
  return [...directives].map(([name, values]) => [name, ...values].join(" ")).join("; ");
}

/**
 * Astro writes the style rule for its island elements (astro-island { display: contents }) where
 * the first island renders, inside <body>; HTML only allows <style> in <head> (or first in a
 * scoped parent). Moving it into <head> keeps the same rule, the same CSP hash, valid HTML.
 */
export function hoistBodyStyles(html: string): string {
  const bodyStart = html.indexOf("<body");
  const headEnd = html.indexOf("</head>");
  if (bodyStart === -1 || headEnd === -1 || headEnd > bodyStart) return html;
  const styles: string[] = [];
  const body = html.slice(bodyStart).replace(/<style>[^<]*<\/style>/g, (style) => {
    styles.push(style);
    return "";
  });
  if (styles.length === 0) return html;
  return `${html.slice(0, headEnd)}${styles.join("")}${html.slice(headEnd, bodyStart)}${body}`;
}
