/**
 * Browser figures over a built site served on 127.0.0.1: Lighthouse per page type, bytes on
 * first load, keystroke-to-preview latency, search latency and bytes, and the widget's load to
 * first render. Chromium runs with the browser tests' flags (tests/e2e/browser.ts) plus a host
 * resolver rule that sends every name but 127.0.0.1 nowhere, so nothing can reach the network.
 */
import { spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import lighthouse, { type Flags } from "lighthouse";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { serve } from "../scripts/serve.ts";
import { median, percentile } from "./stats.ts";

import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "../tests/helpers/chromium.ts";

// The bench also refuses every host name but 127.0.0.1, so nothing it loads can leave the machine.
const FLAGS = [...CHROMIUM_FLAGS, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"];

/**
 * Real pages present at every size (the synthetic library only adds templates); "facet" is
 * resolved per build to the facet page listing the most templates (largestFacetPage).
 */
export const PAGES = {
  home: "/",
  tactic: "/tactics/say-thank-you/",
  template: "/templates/ask-for-a-reference-email/",
  templates: "/templates/",
  facet: "/templates/<largest facet>/",
  embed: "/embed/",
} as const;
export type PageType = keyof typeof PAGES;
/** The floor's pages (bench/floor.ts) Lighthouse opens too: an item page and a list page. */
export const FLOOR_PAGES = { item: "/items/ask-for-a-reference-email/", list: "/list/" } as const;
export type FloorPageType = keyof typeof FLOOR_PAGES;
/** Pages that list templates: their HTML must stay small at any library size. */
export const LIST_PAGE_BUDGET_GZIP = 30_000;
const WIDGET_TEMPLATE = "ask-for-a-reference-email";
/** Where the widget puts its message; the site's filler uses the first, the widget the second. */
const WIDGET_BODY = ['[data-message-part="body"]', '[data-part="body"]'];
/** Words every size's library contains many matches for (real and synthetic wording). */
const QUERIES = ["reference", "coffee", "advice", "thank you", "new job"];
/**
 * First results at 4x CPU slowdown: queries Pagefind answers as typed (one search), and queries
 * the search UI rewrites first (src/lib/search/query.ts): a typo, synonyms, and words that are
 * never all on one page, which cost the word list and extra searches.
 */
const PLAIN_QUERIES = ["reference", "coffee", "thank you", "voicemail", "birthday"];
const REWRITTEN_QUERIES = [
  "refrence",
  "ask my old boss to be a reference",
  "haven't talked in years",
  "recomendation linkedin",
  "they ghosted me",
];
const TYPED = "Bartholomew Fitzgerald-Okonkwo and Daniel";
const CPU_SLOWDOWN = 4;

export interface LighthouseFigures {
  readonly score: number;
  readonly lcpMs: number;
  readonly tbtMs: number;
  readonly cls: number;
  /** Lighthouse's total-byte-weight: bytes transferred (the bench server does not compress). */
  readonly bytes: number;
}

export interface FirstLoad {
  readonly requests: number;
  readonly bytes: number;
  /** What a host that gzips text would send: each response gzipped (Pagefind files already are). */
  readonly gzipBytes: number;
}

export interface Latency {
  readonly samples: number;
  readonly medianMs: number;
  readonly p95Ms: number;
}

export interface SearchFigures {
  readonly coldMedianMs: number;
  readonly coldMaxMs: number;
  readonly warmMedianMs: number;
  /** Everything fetched from pressing "/" to five results on a cold cache, median over runs. */
  readonly coldBytes: number;
  readonly coldPagefindBytes: number;
}

/** From the searchbox's input event to the first result on screen, cold, CPU slowed 4x. */
export interface SlowSearchFigures {
  readonly plainMedianMs: number;
  readonly plainMaxMs: number;
  readonly rewrittenMedianMs: number;
  readonly rewrittenMaxMs: number;
}

export type WidgetFigures =
  | { readonly skipped: string }
  | {
      readonly scriptBytes: number;
      readonly scriptGzipBytes: number;
      /** From widget.js fully downloaded to the message rendered in the shadow root. */
      readonly loadToRenderMs: number;
      readonly loadToRenderMs4x: number;
      /** From navigation start, for context. */
      readonly navToRenderMs: number;
      readonly measured: "message body" | "first text";
    };

/** Pagefind's own Default UI over the same index: input to the first result, cold, CPU slowed 4x. */
export interface PagefindUiFigures {
  readonly medianMs: number;
  readonly maxMs: number;
}

/** Each figure is null when its measurement failed (the reason is in `errors`) or was not asked for. */
export interface BrowserFigures {
  /** The path measured for each page type (the facet page differs by build). */
  readonly paths: Readonly<Record<PageType, string>>;
  readonly lighthouse: Readonly<Record<PageType, LighthouseFigures>> | null;
  readonly floorLighthouse: Readonly<Record<FloorPageType, LighthouseFigures>> | null;
  readonly pagefindUi: PagefindUiFigures | null;
  readonly firstLoad: Readonly<Record<PageType, FirstLoad>> | null;
  readonly keystroke: Latency | null;
  /** The same probe on the floor's /type/ page (bench/floor.ts): what any live preview costs. */
  readonly floorKeystroke: Latency | null;
  readonly search: SearchFigures | null;
  readonly searchSlow: SlowSearchFigures | null;
  readonly widget: WidgetFigures | null;
  /** Requests to anything but the bench server; must stay empty. */
  readonly foreignRequests: readonly string[];
  readonly errors: readonly string[];
}

export interface BrowserOptions {
  readonly lighthouseRuns: number;
  readonly search: boolean;
  /** Only the search figures (a quick run while working on search). */
  readonly searchOnly: boolean;
  readonly log: (line: string) => void;
}

/**
 * The facet page (/templates/<facet>/<value>/) that lists the most templates: the one with the
 * most numbered pages when lists are paginated, else the biggest file.
 */
export function largestFacetPage(dist: string): string {
  const root = join(dist, "templates");
  let best = { path: "", score: -1 };
  for (const facet of readdirSync(root, { withFileTypes: true })) {
    if (!facet.isDirectory() || !["channel", "situation", "tone"].includes(facet.name)) continue;
    for (const value of readdirSync(join(root, facet.name), { withFileTypes: true })) {
      const dir = join(root, facet.name, value.name);
      if (!value.isDirectory() || !existsSync(join(dir, "index.html"))) continue;
      const pages = readdirSync(dir).filter((name) => /^\d+$/.test(name)).length;
      const score = pages * 1e9 + readFileSync(join(dir, "index.html")).length;
      if (score > best.score) best = { path: `/templates/${facet.name}/${value.name}/`, score };
    }
  }
  if (best.path === "") throw new Error(`no facet pages under ${root}`);
  return best.path;
}

export async function measureSite(
  dist: string,
  floorDist: string,
  options: BrowserOptions,
): Promise<BrowserFigures> {
  writeWidgetHost(dist);
  writePagefindUiHost(dist);
  const paths: Record<PageType, string> = { ...PAGES, facet: largestFacetPage(dist) };
  const { server, url } = await serve({ root: dist });
  const floorServer = await serve({ root: floorDist });
  const at = (path: string): string => new URL(path.replace(/^\//, ""), url).href;
  const atFloor = (path: string): string => new URL(path.replace(/^\//, ""), floorServer.url).href;
  const errors: string[] = [];
  // One failed measurement (a changed selector, a timeout on a busy machine) must not throw
  // away the others or the build figures: it is logged, recorded and left out.
  const attempt = async <T>(name: string, measure: () => Promise<T>): Promise<T | null> => {
    options.log(name);
    try {
      return await measure();
    } catch (error) {
      const message = `${name}: ${(error as Error).message.split("\n")[0] ?? ""}`;
      errors.push(message);
      options.log(`FAILED ${message}`);
      return null;
    }
  };
  const foreign: string[] = [];
  try {
    // Lighthouse first, in its own Chromium, so no second browser competes for the two cores.
    const lighthouseFigures = options.searchOnly
      ? null
      : await attempt(`lighthouse, ${options.lighthouseRuns} run(s) per page`, () =>
          runLighthouse(
            Object.fromEntries(Object.entries(paths).map(([type, path]) => [type, at(path)])) as Record<
              PageType,
              string
            >,
            options.lighthouseRuns,
            foreign,
          ),
        );
    const floorLighthouse = options.searchOnly
      ? null
      : await attempt(`lighthouse on the plain Astro floor, ${options.lighthouseRuns} run(s) per page`, () =>
          runLighthouse(
            { item: atFloor(FLOOR_PAGES.item), list: atFloor(FLOOR_PAGES.list) },
            options.lighthouseRuns,
            foreign,
          ),
        );
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
    const fresh = async (): Promise<BrowserContext> => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      context.on("request", (request) => {
        const { protocol, hostname } = new URL(request.url());
        if (protocol.startsWith("http") && hostname !== "127.0.0.1") foreign.push(request.url());
      });
      return context;
    };
    try {
      const all = !options.searchOnly;
      const firstLoad = all
        ? await attempt("first load bytes", async () => {
            const loads = {} as Record<PageType, FirstLoad>;
            for (const type of Object.keys(paths) as PageType[])
              loads[type] = await firstLoadOf(await fresh(), at(paths[type]));
            return loads;
          })
        : null;
      const keystroke = all
        ? await attempt(`keystroke to preview, ${CPU_SLOWDOWN}x CPU slowdown`, async () =>
            keystrokeLatency(await fresh(), at(PAGES.template), ".filler fieldset:not([disabled])"),
          )
        : null;
      const floorKeystroke = all
        ? await attempt(`keystroke on the floor's /type/, ${CPU_SLOWDOWN}x CPU slowdown`, async () =>
            keystrokeLatency(await fresh(), atFloor("/type/"), "#rk-field-theirName"),
          )
        : null;
      const search =
        options.search || options.searchOnly
          ? await attempt("search", () => searchFigures(fresh, at(PAGES.home)))
          : null;
      const slow = await attempt(
        `search first results, cold, ${CPU_SLOWDOWN}x CPU slowdown, beside Pagefind's Default UI`,
        () => slowSearchFigures(fresh, at(PAGES.home), at("/bench-pagefind-ui/")),
      );
      const searchSlow = slow;
      const pagefindUi = slow?.pagefindUi ?? null;
      const widget = all
        ? await attempt("widget", () => widgetFigures(fresh, dist, at("/bench-widget-host/")))
        : null;
      return {
        paths,
        lighthouse: lighthouseFigures,
        floorLighthouse,
        pagefindUi,
        firstLoad,
        keystroke,
        floorKeystroke,
        search,
        searchSlow,
        widget,
        foreignRequests: foreign,
        errors,
      };
    } finally {
      await browser.close();
    }
  } finally {
    server.close();
    floorServer.server.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Lighthouse: its own Chromium, since it drives the browser over a debugging port and a
// Playwright connection on the same browser would attach to its tabs.
// ---------------------------------------------------------------------------------------------

async function launchDebuggable(): Promise<{ port: number; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), "rk-bench-chromium-"));
  const child = spawn(
    CHROMIUM_PATH,
    [...FLAGS, "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"],
    { stdio: "ignore", detached: true },
  );
  const exited = new Promise<void>((done) =>
    child.once("exit", () => {
      done();
    }),
  );
  const close = async (): Promise<void> => {
    // The whole process group we started (Chromium and its helpers), by its id.
    const running = child.exitCode === null && child.signalCode === null;
    if (child.pid !== undefined && running) process.kill(-child.pid, "SIGTERM");
    await exited;
    rmSync(profile, { recursive: true, force: true });
  };
  // Port 0 lets Chromium pick a free port; it writes the port to DevToolsActivePort.
  const portFile = join(profile, "DevToolsActivePort");
  const deadline = Date.now() + 30_000;
  while (!existsSync(portFile) || readFileSync(portFile, "utf8").trim() === "") {
    if (Date.now() > deadline || child.exitCode !== null || child.signalCode !== null) {
      await close();
      throw new Error("Chromium did not start");
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return { port: Number(readFileSync(portFile, "utf8").split("\n")[0]), close };
}

/** Median figures per page; any request Lighthouse saw leave 127.0.0.1 goes into `foreign`. */
async function runLighthouse<K extends string>(
  urls: Readonly<Record<K, string>>,
  runs: number,
  foreign: string[],
): Promise<Record<K, LighthouseFigures>> {
  const chrome = await launchDebuggable();
  try {
    // Default config: mobile form factor with simulated slow 4G and 4x CPU (Lantern).
    const flags: Flags = {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
    };
    const one = async (url: string): Promise<LighthouseFigures> => {
      const result = await lighthouse(url, flags);
      if (result === undefined) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { audits, categories } = result.lhr;
      const requests = (audits["network-requests"]?.details as { items?: { url?: string }[] } | undefined)
        ?.items;
      for (const { url: requested = "" } of requests ?? []) {
        if (/^https?:/.test(requested) && new URL(requested).hostname !== "127.0.0.1")
          foreign.push(requested);
      }
      const value = (id: string): number => audits[id]?.numericValue ?? NaN;
      return {
        score: Math.round((categories["performance"]?.score ?? NaN) * 100),
        lcpMs: value("largest-contentful-paint"),
        tbtMs: value("total-blocking-time"),
        cls: value("cumulative-layout-shift"),
        bytes: value("total-byte-weight"),
      };
    };
    const figures = {} as Record<K, LighthouseFigures>;
    for (const type of Object.keys(urls) as K[]) {
      const all: LighthouseFigures[] = [];
      for (let i = 0; i < runs; i += 1) all.push(await one(urls[type]));
      figures[type] = {
        score: median(all.map((f) => f.score)),
        lcpMs: median(all.map((f) => f.lcpMs)),
        tbtMs: median(all.map((f) => f.tbtMs)),
        cls: median(all.map((f) => f.cls)),
        bytes: median(all.map((f) => f.bytes)),
      };
    }
    return figures;
  } finally {
    await chrome.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Playwright measurements, each in a fresh context: empty cache and empty storage.
// ---------------------------------------------------------------------------------------------

interface Fetched {
  readonly url: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** Records every response body from now on; `settle` waits for bodies still being read. */
function recordResponses(page: Page): { list: Fetched[]; settle: () => Promise<void> } {
  const list: Fetched[] = [];
  const pending: Promise<void>[] = [];
  page.on("response", (response) => {
    pending.push(
      response.body().then(
        (body) => {
          const packed = /\.pf_|\.pagefind$/.test(response.url()); // Pagefind ships gzipped files
          list.push({
            url: response.url(),
            bytes: body.length,
            gzipBytes: packed ? body.length : gzipSync(body).length,
          });
        },
        () => undefined, // redirects and aborted requests have no body
      ),
    );
  });
  return {
    list,
    settle: async () => {
      await Promise.all(pending);
    },
  };
}

const sum = (items: readonly Fetched[], key: "bytes" | "gzipBytes"): number =>
  items.reduce((total, item) => total + item[key], 0);

async function firstLoadOf(context: BrowserContext, url: string): Promise<FirstLoad> {
  const page = await context.newPage();
  const responses = recordResponses(page);
  await page.goto(url, { waitUntil: "networkidle" });
  await responses.settle();
  await context.close();
  return {
    requests: responses.list.length,
    bytes: sum(responses.list, "bytes"),
    gzipBytes: sum(responses.list, "gzipBytes"),
  };
}

interface ProbeWindow {
  __keystrokes?: number[];
  __search?: { start: number; first: number; done: number };
  __widget?: { text: number; body: number };
}

/**
 * Time from each keydown to the next frame after the preview's text changed. The keydown's
 * timeStamp is when the browser received the key; a rAF then a message-channel task lands just
 * after that frame is produced, so the figure includes style, layout and paint.
 */
function installKeystrokeProbe(): void {
  const probe = window as unknown as ProbeWindow;
  const samples: number[] = [];
  probe.__keystrokes = samples;
  const text = (): string => document.querySelector('[data-message-part="body"]')?.textContent ?? "";
  let pending: { start: number; before: string } | undefined;
  document.addEventListener(
    "keydown",
    (event) => {
      pending = { start: event.timeStamp, before: text() };
    },
    true,
  );
  new MutationObserver(() => {
    const key = pending;
    if (key === undefined || text() === key.before) return;
    pending = undefined;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => samples.push(performance.now() - key.start);
      channel.port2.postMessage(null);
    });
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
}

async function keystrokeLatency(context: BrowserContext, url: string, ready: string): Promise<Latency> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "networkidle" });
  await page.waitForSelector(ready);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  await page.evaluate(installKeystrokeProbe);
  await page.locator("#rk-field-theirName").focus();
  let expected = 0;
  for (const char of TYPED) {
    await page.keyboard.type(char);
    // Values are trimmed, so a trailing space leaves the preview as it was: no sample to wait for.
    if (char === " ") {
      await page.waitForTimeout(300);
      continue;
    }
    expected += 1;
    await page.waitForFunction((n) => ((window as ProbeWindow).__keystrokes?.length ?? 0) >= n, expected, {
      polling: 25,
      timeout: 10_000,
    });
  }
  const samples = await page.evaluate(() => (window as ProbeWindow).__keystrokes ?? []);
  await context.close();
  return { samples: samples.length, medianMs: median(samples), p95Ms: percentile(samples, 95) };
}

/**
 * From the searchbox's input event to five results on screen. Results already shown are marked
 * stale on each input, so a second query waits for its own results.
 */
function installSearchProbe(): void {
  const probe = { start: NaN, first: NaN, done: NaN };
  (window as unknown as ProbeWindow).__search = probe;
  document.addEventListener(
    "input",
    (event) => {
      if (!(event.target instanceof HTMLInputElement) || event.target.type !== "search") return;
      probe.start = event.timeStamp;
      probe.first = NaN;
      probe.done = NaN;
      for (const item of document.querySelectorAll(".search-result")) item.setAttribute("data-stale", "");
    },
    true,
  );
  new MutationObserver(() => {
    if (Number.isNaN(probe.start) || !Number.isNaN(probe.done)) return;
    const shown = document.querySelectorAll("dialog .search-result:not([data-stale])").length;
    if (shown >= 1 && Number.isNaN(probe.first)) probe.first = performance.now();
    if (shown >= 5) probe.done = performance.now();
  }).observe(document, { subtree: true, childList: true });
}

async function searchOnce(page: Page, query: string): Promise<number> {
  await page.getByRole("searchbox").fill(query);
  const handle = await page.waitForFunction(
    () => {
      const probe = (window as ProbeWindow).__search;
      return probe !== undefined && !Number.isNaN(probe.done) ? probe.done - probe.start : undefined;
    },
    undefined,
    { polling: 25, timeout: 30_000 },
  );
  return (await handle.jsonValue()) ?? NaN;
}

/** Each query in a fresh context with the CPU slowed: from the input event to the first result. */
async function slowSearchFigures(
  fresh: () => Promise<BrowserContext>,
  home: string,
  pagefindUi: string,
): Promise<SlowSearchFigures & { readonly pagefindUi: PagefindUiFigures }> {
  // Opening the dialog focuses the field, which starts loading the index: typing at once is
  // the coldest case a person can make.
  const firstResult = (query: string): Promise<number> =>
    coldFirstResult(fresh, home, installSearchProbe, async (page) => {
      await page.keyboard.press("/");
      await page.locator("dialog.search-dialog").waitFor({ state: "visible" });
      await page.getByRole("searchbox").fill(query);
    });
  const plain: number[] = [];
  const rewritten: number[] = [];
  const theirs: number[] = [];
  // Each query on the site, then at once on Pagefind's Default UI: on a shared machine the two
  // see the same load, which a run of five and then five would not.
  for (const query of PLAIN_QUERIES) {
    plain.push(await firstResult(query));
    theirs.push(await pagefindUiFirstResult(fresh, pagefindUi, query));
  }
  for (const query of REWRITTEN_QUERIES) rewritten.push(await firstResult(query));
  return {
    plainMedianMs: median(plain),
    plainMaxMs: Math.max(...plain),
    rewrittenMedianMs: median(rewritten),
    rewrittenMaxMs: Math.max(...rewritten),
    pagefindUi: { medianMs: median(theirs), maxMs: Math.max(...theirs) },
  };
}

async function searchFigures(fresh: () => Promise<BrowserContext>, home: string): Promise<SearchFigures> {
  const cold: number[] = [];
  const warm: number[] = [];
  const bytes: number[] = [];
  const pagefindBytes: number[] = [];
  for (const [i, query] of QUERIES.entries()) {
    const context = await fresh();
    const page = await context.newPage();
    await page.addInitScript(installSearchProbe);
    await page.goto(home, { waitUntil: "networkidle" });
    const responses = recordResponses(page);
    await page.keyboard.press("/");
    await page.locator("dialog.search-dialog").waitFor({ state: "visible" });
    cold.push(await searchOnce(page, query));
    await responses.settle();
    bytes.push(sum(responses.list, "bytes"));
    pagefindBytes.push(
      sum(
        responses.list.filter((r) => r.url.includes("/pagefind/")),
        "bytes",
      ),
    );
    warm.push(await searchOnce(page, QUERIES[(i + 1) % QUERIES.length] ?? query));
    await context.close();
  }
  return {
    coldMedianMs: median(cold),
    coldMaxMs: Math.max(...cold),
    warmMedianMs: median(warm),
    coldBytes: median(bytes),
    coldPagefindBytes: median(pagefindBytes),
  };
}

/** The smallest host page a site owner would write: the element, then the script. */
function writeWidgetHost(dist: string): void {
  mkdirSync(join(dist, "bench-widget-host"), { recursive: true });
  writeFileSync(
    join(dist, "bench-widget-host/index.html"),
    `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Host page</title></head>
<body>
<h1>Careers centre</h1>
<p>Need a reference? Use the message below.</p>
<reconnect-template template="${WIDGET_TEMPLATE}"></reconnect-template>
<script type="module" src="/widget.js"></script>
</body>
</html>
`,
  );
}

/**
 * Shadow roots cannot be observed from outside, so the probe wraps attachShadow and watches each
 * new root: the first text of any kind, and the first non-empty message body.
 */
function installWidgetProbe(bodySelectors: string[]): void {
  const probe = { text: NaN, body: NaN };
  (window as unknown as ProbeWindow).__widget = probe;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the element as `this`
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit): ShadowRoot {
    const root = attach.call(this, init);
    new MutationObserver(() => {
      const now = performance.now();
      if (Number.isNaN(probe.text) && root.textContent.trim() !== "") probe.text = now;
      const body = bodySelectors.some((s) => (root.querySelector(s)?.textContent ?? "").trim() !== "");
      if (Number.isNaN(probe.body) && body) probe.body = now;
    }).observe(root, { subtree: true, childList: true, characterData: true });
    return root;
  };
}

async function widgetRun(
  context: BrowserContext,
  url: string,
  slowdown: number,
): Promise<{ loadToRender: number; navToRender: number; body: boolean }> {
  const page = await context.newPage();
  if (slowdown > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: slowdown });
  }
  await page.addInitScript(installWidgetProbe, WIDGET_BODY);
  await page.goto(url);
  // Prefer the message body; fall back to any text after 15 s (an older or changed widget).
  const found = await page
    .waitForFunction(() => !Number.isNaN((window as ProbeWindow).__widget?.body ?? NaN), undefined, {
      polling: 25,
      timeout: 15_000,
    })
    .then(
      () => true,
      () => false,
    );
  const result = await page.evaluate(() => {
    const probe = (window as ProbeWindow).__widget ?? { text: NaN, body: NaN };
    const script = performance
      .getEntriesByType("resource")
      .find((e) => new URL(e.name).pathname.endsWith("/widget.js")) as PerformanceResourceTiming | undefined;
    return { ...probe, scriptEnd: script?.responseEnd ?? NaN };
  });
  await context.close();
  const rendered = found ? result.body : result.text;
  return { loadToRender: rendered - result.scriptEnd, navToRender: rendered, body: found };
}

async function widgetFigures(
  fresh: () => Promise<BrowserContext>,
  dist: string,
  host: string,
): Promise<WidgetFigures> {
  const script = join(dist, "widget.js");
  if (!existsSync(script)) return { skipped: "dist/widget.js does not exist in this build" };
  const runs = 5;
  const plain: Awaited<ReturnType<typeof widgetRun>>[] = [];
  const slow: Awaited<ReturnType<typeof widgetRun>>[] = [];
  for (let i = 0; i < runs; i += 1) plain.push(await widgetRun(await fresh(), host, 1));
  for (let i = 0; i < runs; i += 1) slow.push(await widgetRun(await fresh(), host, CPU_SLOWDOWN));
  if (plain.every((r) => Number.isNaN(r.navToRender))) {
    return { skipped: "widget.js loaded but rendered nothing in its shadow root within 15 s" };
  }
  const code = readFileSync(script);
  return {
    scriptBytes: code.length,
    scriptGzipBytes: gzipSync(code).length,
    loadToRenderMs: median(plain.map((r) => r.loadToRender)),
    loadToRenderMs4x: median(slow.map((r) => r.loadToRender)),
    navToRenderMs: median(plain.map((r) => r.navToRender)),
    measured: plain.every((r) => r.body) ? "message body" : "first text",
  };
}

/**
 * Pagefind's Default UI, as its documentation sets it up, over the site's own index: the
 * baseline for "first results, cold". Its starting script is a file, since the site's CSP allows
 * no inline script.
 */
function writePagefindUiHost(dist: string): void {
  mkdirSync(join(dist, "bench-pagefind-ui"), { recursive: true });
  writeFileSync(
    join(dist, "bench-pagefind-ui/start.js"),
    `window.addEventListener("DOMContentLoaded", () => { new PagefindUI({ element: "#search", showImages: false }); });\n`,
  );
  writeFileSync(
    join(dist, "bench-pagefind-ui/index.html"),
    `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Pagefind Default UI</title>
<link href="/pagefind/pagefind-ui.css" rel="stylesheet">
<script src="/pagefind/pagefind-ui.js"></script>
<script src="/bench-pagefind-ui/start.js"></script>
</head>
<body><main><h1>Search</h1><div id="search"></div></main></body>
</html>
`,
  );
}

/** From the Default UI's input event to its first result title on screen. */
function installPagefindUiProbe(): void {
  const probe = { start: NaN, first: NaN, done: NaN };
  (window as unknown as ProbeWindow).__search = probe;
  document.addEventListener(
    "input",
    (event) => {
      if (!(event.target instanceof HTMLInputElement)) return;
      probe.start = event.timeStamp;
      probe.first = NaN;
    },
    true,
  );
  new MutationObserver(() => {
    if (Number.isNaN(probe.start) || !Number.isNaN(probe.first)) return;
    if (document.querySelector(".pagefind-ui__result-link") !== null) probe.first = performance.now();
  }).observe(document, { subtree: true, childList: true });
}

/**
 * One cold search in a fresh context with the CPU slowed: `type` opens the search and types;
 * the probe (installed before the page's scripts) times the input event to the first result.
 */
async function coldFirstResult(
  fresh: () => Promise<BrowserContext>,
  url: string,
  probe: () => void,
  type: (page: Page) => Promise<void>,
): Promise<number> {
  const context = await fresh();
  const page = await context.newPage();
  await page.addInitScript(probe);
  await page.goto(url, { waitUntil: "networkidle" });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  await type(page);
  const handle = await page.waitForFunction(
    () => {
      const timed = (window as ProbeWindow).__search;
      return timed !== undefined && !Number.isNaN(timed.first) ? timed.first - timed.start : undefined;
    },
    undefined,
    { polling: 25, timeout: 30_000 },
  );
  const ms = (await handle.jsonValue()) ?? NaN;
  await context.close();
  return ms;
}

function pagefindUiFirstResult(
  fresh: () => Promise<BrowserContext>,
  host: string,
  query: string,
): Promise<number> {
  return coldFirstResult(fresh, host, installPagefindUiProbe, async (page) => {
    const input = page.locator(".pagefind-ui__search-input");
    await input.focus();
    await input.fill(query);
  });
}

/** Gzipped bytes of a built page's HTML alone, read from dist: deterministic for a build. */
export function htmlGzipBytes(dist: string, path: string): number {
  const file = join(dist, path.replace(/^\//, ""), path.endsWith("/") ? "index.html" : "");
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

/**
 * Every page that lists templates (/templates/, its facet and tactic lists and their numbered
 * pages, the tactic pages): the largest gzipped HTML among them, and which page it is.
 */
export function largestListPage(dist: string): { path: string; gzipBytes: number; pages: number } {
  const lists: string[] = ["/templates/"];
  for (const facet of ["channel", "situation", "tone", "tactic"]) {
    const dir = join(dist, "templates", facet);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name === "index.html") {
        const relative = entry.parentPath.slice(dist.length).split("\\").join("/");
        lists.push(`${relative}/`);
      }
    }
  }
  for (const entry of readdirSync(join(dist, "tactics"), { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name === "index.html")
      lists.push(`${entry.parentPath.slice(dist.length).split("\\").join("/")}/`);
  }
  let best = { path: "", gzipBytes: 0, pages: lists.length };
  for (const path of lists) {
    const bytes = htmlGzipBytes(dist, path);
    if (bytes > best.gzipBytes) best = { path, gzipBytes: bytes, pages: lists.length };
  }
  return best;
}
