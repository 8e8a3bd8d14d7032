/**
 * The iframe embed's one message: the embed page tells its parent how tall it is, so the host can
 * size the iframe without scrollbars. Origins are checked on both sides: the embed page posts only
 * to the parent's own origin (never "*"), and the host snippet accepts only the site's origin and
 * only from its own iframe.
 */
import { isSlug } from "../ids.ts";

export const RESIZE_TYPE = "reconnect-kit:resize";

export interface ResizeMessage {
  readonly type: typeof RESIZE_TYPE;
  /** The embed page's height in CSS pixels. */
  readonly height: number;
}

/** The most a message may ask for; anything taller is a bug or a hostile frame. */
export const MAX_HEIGHT = 10_000;

export function isResizeMessage(data: unknown): data is ResizeMessage {
  if (typeof data !== "object" || data === null) return false;
  const { type, height } = data as Record<string, unknown>;
  return type === RESIZE_TYPE && typeof height === "number" && height > 0 && height <= MAX_HEIGHT;
}

/** An http(s) origin such as "https://blog.example", or undefined for anything else. */
export function originOf(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Who to post to: the host snippet's ?origin= when it gives one, else the parent's origin as the
 * browser reports it (location.ancestorOrigins in Chromium and Safari), else the referrer's
 * origin. A wrong value is harmless: postMessage drops a message whose target origin does not
 * match the parent's.
 */
export function parentOrigin(
  search: string,
  ancestorOrigin: string | undefined,
  referrer: string,
): string | undefined {
  return (
    originOf(new URLSearchParams(search).get("origin")) ?? originOf(ancestorOrigin) ?? originOf(referrer)
  );
}

/**
 * The one page that shows every template in an iframe (src/pages/embed/frame.astro): a page per
 * template for it would double the files a large library writes (issue 17).
 */
export const EMBED_FRAME_PATH = "embed/frame/";

/**
 * Which template the iframe embed shows: `?template=<slug>`, which the snippet maker and oEmbed
 * write, else the <slug> of /embed/<slug>/, the address embeds had while each template had its
 * own embed page; hosts rewrite it to this page (_redirects), so old snippets keep working.
 * Undefined when the address names none (or names something that cannot be a template's slug).
 * A template whose slug is "frame" is reached by the query: the page's own path names no template.
 */
export function embedSlug(pathname: string, search: string, base: string): string | undefined {
  const asked = new URLSearchParams(search).get("template")?.trim();
  const prefix = `${base.replace(/\/?$/, "/")}embed/`;
  const fromPath = pathname.startsWith(prefix)
    ? /^([^/]+)\/?$/.exec(pathname.slice(prefix.length))?.[1]
    : undefined;
  const slug = asked ?? (fromPath === "frame" ? undefined : fromPath);
  return isSlug(slug) ? slug : undefined;
}
