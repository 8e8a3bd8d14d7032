/**
 * The HTML a host pastes. The embed page renders the first snippets at build time, and its
 * generator script rebuilds them with this same code as the choices change, so this module
 * stays small: it ships in that page's script.
 */
import { routes } from "../paths.ts";
import { MAX_HEIGHT, RESIZE_TYPE } from "./frame.ts";
import { apiPaths } from "./schema.ts";

/** What the generator knows about the site, from the build. */
export interface SnippetSite {
  /** The site root URL with a trailing slash, e.g. "https://reconnect.example.com/". */
  readonly root: string;
  /** The versioned file relative to the root, and its Subresource Integrity hash. */
  readonly pinnedFile: string;
  readonly integrity: string;
}

/** The generator's choices. */
export interface SnippetChoice {
  readonly kind: "template" | "picker";
  /** The template slug, and its title for the link shown where the script cannot run. */
  readonly template: string;
  readonly title: string;
  /** Picker only: "casual", "reference" or "" for both. */
  readonly situation?: string | undefined;
  /** "auto" (or nothing), "light" or "dark". */
  readonly theme?: string | undefined;
  /** Hex colours for the light and dark schemes, or "" for the site's own (checked by the caller). */
  readonly accent?: string | undefined;
  readonly accentDark?: string | undefined;
  /** Load the versioned, immutable file with its integrity hash. */
  readonly pinned?: boolean | undefined;
}

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", '"': "&quot;", "<": "&lt;", ">": "&gt;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&"<>]/g, (ch) => ESCAPES[ch] ?? ch);
}

function attributes(pairs: readonly (readonly [string, string | undefined])[]): string {
  return pairs.map(([name, value]) => (value ? ` ${name}="${escapeHtml(value)}"` : "")).join("");
}

/** A path under the site root, from a site-relative route such as "/templates/x/". */
function under(site: SnippetSite, route: string): string {
  return site.root + route.slice(1);
}

export function scriptTag(site: SnippetSite, pinned?: boolean): string {
  return `<script type="module"${attributes(
    pinned
      ? [
          ["src", under(site, `/${site.pinnedFile}`)],
          ["integrity", site.integrity],
          ["crossorigin", "anonymous"],
        ]
      : [["src", under(site, "/widget.js")]],
  )}></script>`;
}

export function widgetSnippet(site: SnippetSite, choice: SnippetChoice): string {
  const picker = choice.kind === "picker";
  const tag = picker ? "reconnect-templates" : "reconnect-template";
  const attrs = attributes([
    picker ? ["situation", choice.situation] : ["template", choice.template],
    ["theme", choice.theme === "auto" ? "" : choice.theme],
    ["accent", choice.accent],
    ["accent-dark", choice.accentDark],
  ]);
  // Shown where the script is blocked or has not loaded yet; the element hides it once it runs.
  const href = under(site, picker ? routes.templates() : routes.template(choice.template));
  const text = picker ? "Message templates" : choice.title;
  return `${scriptTag(site, choice.pinned)}\n<${tag}${attrs}>\n  <a href="${escapeHtml(href)}">${escapeHtml(text)}</a>\n</${tag}>`;
}

/** The iframe for hosts that run no third-party script; `hostOrigin` goes in ?origin=. */
export function frameSnippet(site: SnippetSite, choice: SnippetChoice, hostOrigin = ""): string {
  const src = new URL(apiPaths.embed(choice.template), site.root);
  if (hostOrigin !== "") src.searchParams.set("origin", hostOrigin);
  if (choice.theme === "light" || choice.theme === "dark") src.searchParams.set("theme", choice.theme);
  if (choice.accent) src.searchParams.set("accent", choice.accent);
  if (choice.accentDark) src.searchParams.set("accent-dark", choice.accentDark);
  return `<iframe data-reconnect-kit${attributes([
    ["src", src.href],
    ["title", `Fill in: ${choice.title}`],
    ["allow", "clipboard-write"],
    ["loading", "lazy"],
    ["height", "800"],
  ])}></iframe>`;
}

/**
 * The script a host pastes after its iframes: it sizes every iframe marked data-reconnect-kit from
 * the messages of that iframe alone, and only when they come from `siteOrigin`. Plain ES5, so it
 * runs wherever it is pasted; it writes styles through the CSSOM, which a strict style-src allows.
 */
export function frameResizeSnippet(siteOrigin: string): string {
  return `(function () {
  var SITE = ${JSON.stringify(siteOrigin)};
  var frames = function () { return document.querySelectorAll("iframe[data-reconnect-kit]"); };
  Array.prototype.forEach.call(frames(), function (f) { f.style.width = "100%"; f.style.border = "0"; });
  window.addEventListener("message", function (e) {
    var d = e.data;
    if (e.origin !== SITE || !d || d.type !== ${JSON.stringify(RESIZE_TYPE)}) return;
    var h = Number(d.height);
    if (!(h > 0 && h <= ${MAX_HEIGHT})) return;
    Array.prototype.forEach.call(frames(), function (f) {
      if (f.contentWindow === e.source) f.style.height = Math.ceil(h) + "px";
    });
  });
})();`;
}
