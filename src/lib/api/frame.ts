/**
 * The iframe embed's one message: the embed page tells its parent how tall it is, so the host can
 * size the iframe without scrollbars. Origins are checked on both sides: the embed page posts only
 * to the parent's own origin (never "*"), and the host snippet accepts only the site's origin and
 * only from its own iframe.
 */

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
