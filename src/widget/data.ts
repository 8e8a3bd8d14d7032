/**
 * Where the widget finds the site, and loading its JSON: validated just enough to fail with a
 * readable message instead of a blank box, and cached so several widgets share one request.
 */
import { SLUG_PATTERN } from "../lib/ids.ts";
import { isRecord, LoadError } from "../lib/api/read.ts";

export { asIndexJson, asTemplateJson, LoadError, type LoadProblem } from "../lib/api/read.ts";

/*
 * Built-ins taken when widget.js starts, so a script the host page runs later (analytics, a
 * polyfill, a framework's zone, or a careless one) cannot change how the widget loads. Only
 * these five: fetch, JSON.parse, Object.setPrototypeOf, setTimeout and AbortController;
 * storage.ts takes JSON the same way for the reader's details. What a page replaced before
 * widget.js ran is taken as it is. Array and String methods are not copied: the shared core
 * calls them as methods everywhere; when a page breaks one, drawing throws and the widget shows
 * its fallback link (template-element.ts) instead of hanging.
 */
const nativeFetch = fetch;
const { parse } = JSON;
const { setPrototypeOf } = Object;
const later = setTimeout;
const Abort = AbortController;

/** How long a JSON file may take, answer and body, before the widget says it could not load. */
export const ANSWER_TIMEOUT_MS = 10_000;

/** Template slugs as the content schema allows them; anything else is never fetched. */
export const SLUG = SLUG_PATTERN;

/**
 * The site root for the URL of widget.js. The stable file sits at the root (base path included);
 * the versioned one at widget/<version>/widget.js, two folders below it.
 */
export function siteRootFor(scriptUrl: string): URL {
  const url = new URL(scriptUrl);
  return new URL(/\/widget\/[^/]+\/widget\.js$/.test(url.pathname) ? "../../" : "./", url);
}

/**
 * JSON with every object made prototype-free as it is read, so a name the host page added to
 * Object.prototype (`theirName`, `rows`, `limit`...) never reads as a field, a word or a setting
 * the site sent. A "__proto__" key stays plain data, as JSON.parse makes it.
 */
export function parseAnswer(text: string): unknown {
  return parse(text, (_key, value: unknown) =>
    isRecord(value) ? (setPrototypeOf(value, null) as unknown) : value,
  );
}

export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

const cache = new Map<string, Promise<unknown>>();

async function fetchJson(url: string, fetcher: Fetcher, timeoutMs: number): Promise<unknown> {
  // One deadline for the answer and its body: a server that sends headers and then stalls
  // would otherwise leave "Loading..." on the page for good. The timer is left to run out:
  // aborting a request that has finished does nothing.
  const deadline = new Abort();
  later(() => {
    deadline.abort();
  }, timeoutMs);
  let response: Response;
  let text: string;
  try {
    // fetch reads its options like any object, inherited names included: without a prototype,
    // a page's Object.prototype.method or .body cannot turn this GET into something else.
    const init = setPrototypeOf({ credentials: "omit", signal: deadline.signal }, null) as RequestInit;
    response = await fetcher(url, init);
    text = await response.text();
  } catch (error) {
    throw new LoadError(
      "failed",
      deadline.signal.aborted
        ? `${url} did not answer within ${timeoutMs / 1000} seconds`
        : `${url} could not be fetched: ${String(error)}`,
      { cause: error },
    );
  }
  if (response.status === 404) throw new LoadError("not-found", `${url} was not found (404)`);
  if (!response.ok) throw new LoadError("failed", `${url} answered ${response.status}`);
  try {
    return parseAnswer(text);
  } catch (error) {
    throw new LoadError("failed", `${url} is not JSON`, { cause: error });
  }
}

/**
 * GET a JSON file once per page; a failure is not cached, so the next widget (or a retry after
 * an attribute change) asks again. 404 means the template does not exist; anything else,
 * including no answer within the timeout, failed.
 */
export function loadJson(
  url: URL,
  fetcher: Fetcher = nativeFetch,
  timeoutMs: number = ANSWER_TIMEOUT_MS,
): Promise<unknown> {
  const key = url.href;
  let pending = cache.get(key);
  if (pending === undefined) {
    pending = fetchJson(key, fetcher, timeoutMs);
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
}

/** Forget cached responses (tests). */
export function clearCache(): void {
  cache.clear();
}
