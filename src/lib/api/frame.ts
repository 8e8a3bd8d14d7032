/**
 * The iframe embed's one message: the embed page tells its parent how tall it is, so the host can
 * size the iframe without scrollbars. Origins are checked on both sides: the embed page posts only
 * to the parent's own origin (never "*"), and the host snippet accepts only the site's origin and
 * only from its own iframe.
 */
import { textOnAccent } from "../contrast.ts";

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
 * WordPress's own embed protocol (wp-includes/js/wp-embed.js, 6.1): the host adds
 * "#?secret=<10 letters and digits>" to the iframe's address and accepts
 * { message: "height", value, secret } from it (clamped to 200 to 1,000 px), and, while the iframe
 * has focus, { message: "link", value: url, secret } to open a page of the frame's own host in
 * the whole window; it sends { message: "ready", secret } once it listens. The secret, or
 * undefined when the page is not in a WordPress embed.
 */
export function wordPressSecret(hash: string): string | undefined {
  return /^#\?secret=([a-zA-Z0-9]{1,64})$/.exec(hash)?.[1];
}

export interface WordPressMessage {
  readonly message: "height" | "link";
  readonly value: number | string;
  readonly secret: string;
}

/** The brand options the iframe takes from its address, checked as the widget checks them. */
export interface EmbedLook {
  readonly theme?: "light" | "dark";
  /** Custom properties for the page's root: the brand accents of src/styles/tokens.css. */
  readonly properties: readonly (readonly [string, string])[];
  /** Why an option was not used, for the console. */
  readonly problems: readonly string[];
}

/**
 * ?theme=light|dark, ?accent=#rrggbb (light scheme), ?accent-dark=#rrggbb (dark scheme). An
 * accent that is not hex or is under WCAG AA on its scheme's background is refused, as by the
 * widget (textOnAccent carries no reason texts into the page; the snippet maker gives the ratio).
 */
export function embedLook(search: string): EmbedLook {
  const params = new URLSearchParams(search);
  const theme = params.get("theme");
  const properties: [string, string][] = [];
  const problems: string[] = [];
  for (const [name, scheme, property] of [
    ["accent", "light", "--brand-accent"],
    ["accent-dark", "dark", "--brand-accent-dark"],
  ] as const) {
    const color = params.get(name)?.trim() ?? "";
    if (color === "") continue;
    if (textOnAccent(color, scheme) !== undefined) properties.push([property, color]);
    else
      problems.push(
        `${name}=${color} is not used: it must be a hex colour with WCAG AA contrast (4.5:1) on the ${scheme} background.`,
      );
  }
  return { ...(theme === "light" || theme === "dark" ? { theme } : {}), properties, problems };
}
