import { beforeEach, describe, expect, test } from "vitest";
import {
  ANSWER_TIMEOUT_MS,
  asIndexJson,
  asTemplateJson,
  clearCache,
  LoadError,
  loadJson,
  siteRootFor,
  SLUG,
} from "../../src/widget/data.ts";

describe("siteRootFor: the site root from widget.js's own URL", () => {
  test.each([
    ["https://rk.example/widget.js", "https://rk.example/"],
    ["https://rk.example/widget.js?v=2", "https://rk.example/"],
    ["https://rk.example/widget/0.1.0-1a2b3c4d/widget.js", "https://rk.example/"],
    ["https://x.example/careers/reconnect/widget.js", "https://x.example/careers/reconnect/"],
    [
      "https://x.example/careers/reconnect/widget/0.2.0-ffffffff/widget.js",
      "https://x.example/careers/reconnect/",
    ],
    ["http://127.0.0.1:4321/widget.js", "http://127.0.0.1:4321/"],
  ])("%s -> %s", (script, root) => {
    expect(siteRootFor(script).href).toBe(root);
  });
});

describe("SLUG: only template names are ever fetched", () => {
  test.each(["thank-you-text", "a", "reconnect-email-2"])("accepts %s", (slug) => {
    expect(SLUG.test(slug)).toBe(true);
  });
  test.each(["", "../api/fields", "Thank-You", "a--b", "-a", "a/b", "a.json", "a b"])(
    "rejects %j",
    (slug) => {
      expect(SLUG.test(slug)).toBe(false);
    },
  );
});

const template = {
  schemaVersion: 1,
  slug: "x",
  title: "X",
  nodes: { body: [] },
  channel: { id: "text" },
  fields: [],
  required: [],
  form: { required: [], optional: [], optionalSummary: "", optionalOpen: true },
  uiText: {},
};

describe("asTemplateJson and asIndexJson", () => {
  test("accept data of schema version 1", () => {
    expect(asTemplateJson(template, "u").slug).toBe("x");
    expect(asIndexJson({ schemaVersion: 1, templates: [], tactics: [] }, "u").templates).toEqual([]);
  });

  test.each([
    ["not an object", [], /not a JSON object/],
    ["a newer schema", { ...template, schemaVersion: 2 }, /schemaVersion 2; this widget reads version 1/],
    ["no nodes", { ...template, nodes: undefined }, /not a template/],
    ["no channel id", { ...template, channel: {} }, /not a template/],
  ])("reject %s with a readable message", (_name, data, message) => {
    expect(() => asTemplateJson(data, "u")).toThrow(message);
  });

  test("reject an index without templates", () => {
    expect(() => asIndexJson({ schemaVersion: 1, tactics: [] }, "u")).toThrow(/not a template index/);
  });
});

describe("loadJson", () => {
  beforeEach(() => {
    clearCache();
  });
  const url = new URL("https://rk.example/api/templates/x.json");

  test("fetches once for several widgets, without credentials, with options that have no prototype", async () => {
    const calls: [string, RequestInit][] = [];
    const fetcher = (u: string, init: RequestInit) => {
      calls.push([u, init]);
      return Promise.resolve(Response.json({ ok: 1 }));
    };
    const [a, b] = await Promise.all([loadJson(url, fetcher), loadJson(url, fetcher)]);
    expect(a).toEqual({ ok: 1 });
    expect(b).toBe(a);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.[0]).toBe(url.href);
    expect(calls[0]?.[1]).toMatchObject({ credentials: "omit" });
    // fetch reads its options' inherited names too (a page's Object.prototype.method).
    expect(Object.getPrototypeOf(calls[0]?.[1])).toBeNull();
  });

  /** A server that takes the request and never answers, until the widget gives up. */
  const hangs = (_url: string, init: RequestInit) =>
    new Promise<Response>((_done, fail) => {
      init.signal?.addEventListener("abort", () => {
        fail(new DOMException("The operation was aborted.", "AbortError"));
      });
    });
  /** Headers at once, then a body that never ends. */
  const stalls = (_url: string, init: RequestInit) =>
    Promise.resolve(
      new Response(
        new ReadableStream({
          start(controller) {
            init.signal?.addEventListener("abort", () => {
              controller.error(new DOMException("The operation was aborted.", "AbortError"));
            });
          },
        }),
      ),
    );

  test.each([
    ["a 404", () => Promise.resolve(new Response("", { status: 404 })), "not-found", /was not found \(404\)/],
    ["a 500", () => Promise.resolve(new Response("oops", { status: 500 })), "failed", /answered 500/],
    [
      "a network error",
      () => Promise.reject(new TypeError("Failed to fetch")),
      "failed",
      /could not be fetched/,
    ],
    [
      "an HTML error page sent as 200",
      () => Promise.resolve(new Response("<!doctype html>")),
      "failed",
      /is not JSON/,
    ],
    ["an empty answer", () => Promise.resolve(new Response("")), "failed", /is not JSON/],
    ["no answer at all", hangs, "failed", /did not answer within 0\.001 seconds/],
    ["a body that never ends", stalls, "failed", /did not answer within 0\.001 seconds/],
  ])("%s is a LoadError, says what happened, and is not cached", async (_name, fetcher, problem, message) => {
    // A one-millisecond deadline stands in for the real ten seconds (ANSWER_TIMEOUT_MS).
    const error = await loadJson(url, fetcher, 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoadError);
    expect((error as LoadError).problem).toBe(problem);
    expect((error as LoadError).message).toMatch(message);
    await expect(loadJson(url, () => Promise.resolve(Response.json({ ok: 2 })))).resolves.toEqual({ ok: 2 });
  });

  test("gives a request ten seconds by default", () => {
    expect(ANSWER_TIMEOUT_MS).toBe(10_000);
  });

  test("uses the fetch there was when it loaded, not one the page put in later", async () => {
    const pageFetch = globalThis.fetch;
    globalThis.fetch = () => Promise.reject(new Error("the page's own fetch"));
    try {
      const answer = await loadJson(new URL('data:application/json,{"schemaVersion":1}'));
      expect(answer).toEqual({ schemaVersion: 1 });
    } finally {
      globalThis.fetch = pageFetch;
    }
  });

  test("reads JSON with the JSON.parse there was when it loaded", async () => {
    const pageParse = JSON.parse;
    JSON.parse = () => ({ replaced: true });
    try {
      await expect(loadJson(url, () => Promise.resolve(Response.json({ ok: 3 })))).resolves.toEqual({
        ok: 3,
      });
    } finally {
      JSON.parse = pageParse;
    }
  });
});
