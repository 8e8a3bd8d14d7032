/**
 * The files a static host reads beside the pages: robots.txt (RFC 9309), and _headers and
 * _redirects (the formats Netlify and Cloudflare Pages share). The sitemap itself is
 * @astrojs/sitemap's.
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

/**
 * _headers, the file Cloudflare Pages and Netlify read beside the pages: one block per path
 * pattern, its headers indented below it. This module writes the file, reads it back and
 * answers "which headers does this path get?", so the build, its tests and the local server
 * (scripts/serve.ts) all apply the same rules the way those hosts do.
 *
 * Cloudflare Pages (https://developers.cloudflare.com/pages/configuration/headers/):
 * - "*" is a splat matching any run of characters, "/" included; ":name" matches one path
 *   segment; the pattern must match the whole path, case-sensitively. In its asset worker
 *   (cloudflare/workers-sdk, asset-worker/src/utils/rules-engine.ts) "/embed/*" is the regular
 *   expression ^/embed/(.*)$, so it matches the guide page /embed/ too.
 * - "An incoming request which matches multiple rules' URL patterns will inherit all rules'
 *   headers", and "if a header is applied twice in the _headers file, the values are joined
 *   with a comma separator". For Content-Security-Policy a comma starts a second policy, and
 *   the browser enforces both.
 * - A line "! Name" in a later rule detaches a header an earlier matching rule set.
 * Netlify (https://docs.netlify.com/manage/routing/headers/), as its own tools read the file
 * (netlify/build packages/headers-parser, netlify/cli src/utils/headers.ts):
 * - a path line starts with "/"; ":name" is one segment; a "*" segment matches the rest,
 *   including nothing (so "/embed/*" matches "/embed" as well); matching ignores case and a
 *   trailing slash.
 * - when several rules match, a later rule's value for a header replaces an earlier one;
 *   "! Name" lines have no colon and are skipped.
 * Both read rules against the requested path, so a 404 answer gets the headers of the address
 * that was asked for, not those of /404.html.
 *
 * The rules this site writes give every path the same headers under both readings (a build test
 * checks it), so which host serves it does not matter.
 */
export type HeadersHost = "cloudflare" | "netlify";

export interface HeaderRule {
  /** A path pattern: "/", "/templates/*", "/embed/:slug/". */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Headers an earlier matching rule set that this path must not get ("! Name" lines). */
  readonly detach?: readonly string[];
}

/**
 * Writes _headers. Rules for the same path are merged into one block, later values winning, so a
 * path never repeats. Detach lines come first in their block: they remove what earlier rules
 * set, never this rule's own headers.
 */
export function headersFile(input: readonly HeaderRule[]): string {
  const merged = new Map<string, { headers: Record<string, string>; detach: Set<string> }>();
  for (const rule of input) {
    const block = merged.get(rule.path) ?? { headers: {}, detach: new Set<string>() };
    Object.assign(block.headers, rule.headers);
    for (const name of rule.detach ?? []) block.detach.add(name);
    merged.set(rule.path, block);
  }
  return `${[...merged]
    .map(([path, { headers, detach }]) =>
      [
        path,
        ...[...detach].map((name) => `  ! ${name}`),
        ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`),
      ].join("\n"),
    )
    .join("\n\n")}\n`;
}

export interface ParsedHeaderRule {
  readonly path: string;
  readonly headers: [string, string][];
  readonly detach: string[];
  /** The path line's number in the file, for messages. */
  readonly line: number;
}

/**
 * Reads a _headers file. A line is a path when it starts with "/" (as both hosts decide), a
 * comment when it starts with "#"; anything else belongs to the path above it. Lines neither
 * host would accept stop with the line number and the fix, rather than being skipped as the
 * hosts skip them, since this site writes the file itself.
 */
export function parseHeadersFile(text: string): ParsedHeaderRule[] {
  const rules: { path: string; headers: [string, string][]; detach: string[]; line: number }[] = [];
  text.split("\n").forEach((raw, index) => {
    const line = raw.trim();
    const where = `_headers line ${index + 1}`;
    if (line === "" || line.startsWith("#")) return;
    if (line.startsWith("/")) {
      rules.push({ path: line, headers: [], detach: [], line: index + 1 });
      return;
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(line))
      throw new Error(`${where}: "${line}" is an absolute URL; write the path alone, starting with "/".`);
    const rule = rules.at(-1);
    if (rule === undefined)
      throw new Error(`${where}: "${line}" comes before any path; put a path line such as "/*" above it.`);
    if (line.startsWith("!")) {
      const name = line.slice(1).trim();
      if (name === "") throw new Error(`${where}: "!" names no header; write "! Header-Name".`);
      rule.detach.push(name);
      return;
    }
    const colon = line.indexOf(":");
    if (colon === -1)
      throw new Error(`${where}: "${line}" has no colon; write "Header-Name: value" or "! Header-Name".`);
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name === "" || /\s/.test(name))
      throw new Error(`${where}: "${name}" is not a header name; names have no spaces.`);
    if (value === "") throw new Error(`${where}: ${name} has no value; write "${name}: value".`);
    rule.headers.push([name, value]);
  });
  return rules;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

/** Cloudflare: "*" is any run of characters, ":name" one segment, the rest literal. */
function cloudflarePattern(pattern: string): RegExp {
  const source = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === "*" ? ".*" : part.startsWith(":") ? "[^/]+" : escapeRegExp(part)))
    .join("");
  return new RegExp(`^${source}$`);
}

/** Netlify: segment by segment, a lone "*" segment optional, no case, optional trailing slash. */
function netlifyPattern(pattern: string): RegExp {
  const segments = pattern
    .split("/")
    .filter((segment) => segment !== "")
    .map((segment) => {
      if (segment.startsWith(":")) return "[^/]+";
      if (segment === "*") return "?.*";
      return segment.split("*").map(escapeRegExp).join(".*");
    });
  return new RegExp(`^/${segments.join("/")}/?$`, "i");
}

/** Does a _headers path pattern match a requested path (as sent, percent-encoded)? */
export function pathMatches(pattern: string, path: string, host: HeadersHost = "cloudflare"): boolean {
  return (host === "cloudflare" ? cloudflarePattern(pattern) : netlifyPattern(pattern)).test(path);
}

/**
 * The headers a host sends for a path: `defaults` (what the server sends anyway, such as
 * Content-Type) with every matching rule applied in file order. Names are lower-cased.
 * Cloudflare joins a header two rules set with ", " and lets "! Name" remove one; Netlify lets
 * the later rule win. Either way a rule's header replaces the server's own default.
 */
export function headersFor(
  rules: readonly ParsedHeaderRule[],
  path: string,
  defaults: Readonly<Record<string, string>> = {},
  host: HeadersHost = "cloudflare",
): Map<string, string> {
  const headers = new Map(Object.entries(defaults).map(([name, value]) => [name.toLowerCase(), value]));
  const fromRules = new Set<string>();
  for (const rule of rules) {
    if (!pathMatches(rule.path, path, host)) continue;
    if (host === "cloudflare") for (const name of rule.detach) headers.delete(name.toLowerCase());
    const own = new Map<string, string>();
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      // Both hosts join a header repeated inside one block.
      own.set(key, own.has(key) ? `${own.get(key) ?? ""}, ${value}` : value);
    }
    for (const [key, value] of own) {
      const earlier = headers.get(key);
      headers.set(
        key,
        host === "cloudflare" && fromRules.has(key) && earlier !== undefined ? `${earlier}, ${value}` : value,
      );
      fromRules.add(key);
    }
  }
  return headers;
}

/**
 * _redirects, the other file both hosts read beside the pages (Cloudflare Pages:
 * https://developers.cloudflare.com/pages/configuration/redirects/, Netlify:
 * https://docs.netlify.com/manage/routing/redirects/overview/): one rule a line, "source
 * destination status". This site writes rewrites only: status 200, so the host answers the
 * source address with the destination's file and the address in the browser stays as asked.
 * Sources match as _headers paths do (pathMatches); destinations are fixed paths. Netlify skips a
 * rewrite when a file exists at the source ("shadowing"), Cloudflare does not; the rules written
 * here send the one source with a file of its own to that same file, so both answer alike.
 */
export interface Rewrite {
  readonly from: string;
  readonly to: string;
}

export function redirectsFile(rewrites: readonly Rewrite[]): string {
  return rewrites.map(({ from, to }) => `${from} ${to} 200\n`).join("");
}

/**
 * Reads a _redirects file this site wrote. Lines it would never write stop with the line number
 * and the fix, rather than being skipped as the hosts skip them.
 */
export function parseRedirectsFile(text: string): Rewrite[] {
  const rewrites: Rewrite[] = [];
  text.split("\n").forEach((raw, index) => {
    const line = raw.trim();
    const where = `_redirects line ${index + 1}`;
    if (line === "" || line.startsWith("#")) return;
    const [from = "", to = "", status, ...rest] = line.split(/\s+/);
    if (status !== "200" || rest.length > 0)
      throw new Error(`${where}: "${line}" is not a rewrite; write "/source/ /destination/ 200".`);
    if (!from.startsWith("/") || !to.startsWith("/"))
      throw new Error(`${where}: both paths must start with "/", as in "/embed/:slug/ /embed/frame/ 200".`);
    if (/[:*]/.test(to))
      throw new Error(`${where}: the destination "${to}" must be a fixed path, without ":name" or "*".`);
    rewrites.push({ from, to });
  });
  return rewrites;
}

/** The path a host serves for `path` under these rewrites: the first matching rule's destination. */
export function rewriteFor(
  rewrites: readonly Rewrite[],
  path: string,
  host: HeadersHost = "cloudflare",
): string | undefined {
  return rewrites.find((rule) => pathMatches(rule.from, path, host))?.to;
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
 * JavaScript MIME types (https://mimesniff.spec.whatwg.org/#javascript-mime-type). With one of
 * these, no type, or "module", a <script> runs; "importmap" and "speculationrules" are read by
 * the browser too. CSP's script-src governs all of those when inline.
 */
const RUNNING_TYPES = new Set([
  "",
  "module",
  "importmap",
  "speculationrules",
  "application/ecmascript",
  "application/javascript",
  "application/x-ecmascript",
  "application/x-javascript",
  "text/ecmascript",
  "text/javascript",
  "text/javascript1.0",
  "text/javascript1.1",
  "text/javascript1.2",
  "text/javascript1.3",
  "text/javascript1.4",
  "text/javascript1.5",
  "text/jscript",
  "text/livescript",
  "text/x-ecmascript",
  "text/x-javascript",
]);

/**
 * Whether an inline script is subject to script-src. Any other type ("application/json",
 * "application/ld+json") is a data block: HTML's "prepare the script element" stops before the
 * CSP check for it, so it needs no hash (https://html.spec.whatwg.org/#prepare-the-script-element).
 */
export function isCspScript(type: string): boolean {
  return RUNNING_TYPES.has(type.trim().toLowerCase().split(";")[0]?.trim() ?? "");
}

export interface InlineScript {
  /** The type attribute, "" when there is none. */
  readonly type: string;
  /** The exact text between the tags: what a CSP hash is taken over. */
  readonly text: string;
}

/** The inline <script> elements of a built page (those with src= are files, covered by 'self'). */
export function inlineScripts(html: string): InlineScript[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)]
    .filter((match) => !/\ssrc\s*=/i.test(` ${match[1] ?? ""}`))
    .map((match) => {
      const type = /\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(match[1] ?? "");
      return { type: type?.[1] ?? type?.[2] ?? type?.[3] ?? "", text: match[2] ?? "" };
    });
}

/**
 * The CSP hash source for a script's text, "sha256-<base64>" (CSP3 hash-source; in a policy it
 * is written in single quotes). Web Crypto, so it runs in the build and in any browser alike.
 */
export async function scriptHash(text: string): Promise<`sha256-${string}`> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return `sha256-${btoa(String.fromCharCode(...digest))}`;
}
