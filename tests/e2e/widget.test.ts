/**
 * The embeddable widget on other people's pages. The built site is served as in production, with
 * dist/_headers applied (scripts/serve.ts): its CORS and cache headers are what let another
 * origin load the widget and its data. Host pages are served from a second origin, https on
 * another port of 127.0.0.1 (tests/e2e/https-host.ts: the iframe embeds may be framed by https
 * pages only), so every widget request is cross-origin, under a strict CSP and, for some pages,
 * a hostile stylesheet.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { frameResizeSnippet, frameSnippet } from "../../src/lib/api/snippet.ts";
import { RESIZE_TYPE } from "../../src/lib/api/frame.ts";
import { describeAssets, gzipSize, pageScripts, total } from "../helpers/budget.ts";
import { axeViolations, openBrowser, siteUrl, watchPage, type BrowserSession } from "./browser.ts";
import { httpsHost, type HttpsHost } from "./https-host.ts";

const DIST = inject("distDir");
const EMAIL = "ask-for-a-reference-email";
const TEXT = "thank-you-text";

const sha256 = (text: string): string => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

interface HostPage {
  readonly body: string;
  readonly hostile?: boolean;
  /** Inline scripts, allowed by their hash as a careful host would. They run before widget.js. */
  readonly scripts?: readonly string[];
  readonly csp?: boolean;
  readonly dir?: "rtl";
}

let browser: BrowserSession;
/** The served site, as every browser test sees it. */
const site = { origin: new URL(inject("baseUrl")).origin };
let host: HttpsHost;
let hostDir: string;
let manifest: { version: string; file: string; integrity: string };

function hostPage({ body, hostile = false, scripts = [], csp = true, dir }: HostPage): string {
  // Strict: scripts and data from the widget's site only, styles from the host's own files only.
  const policy = [
    "default-src 'none'",
    `script-src ${site.origin} ${scripts.map(sha256).join(" ")}`,
    `connect-src ${site.origin}`,
    "style-src 'self'",
    `frame-src ${site.origin}`,
    "img-src 'self' data:",
  ].join("; ");
  return `<!doctype html>
<html lang="en"${dir === undefined ? "" : ` dir="${dir}"`}>
<head>
<meta charset="utf-8">
${csp ? `<meta http-equiv="Content-Security-Policy" content="${policy}">` : ""}
<title>A staffing blog post</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="host.css">
${hostile ? '<link rel="stylesheet" href="hostile.css">' : ""}
</head>
<body>
<main>
<h1>Five ways to line up your references</h1>
${body}
</main>
${scripts.map((s) => `<script>${s}</script>`).join("\n")}
</body>
</html>`;
}

const widget = (template: string, extra = "", slot = "slot"): string =>
  `<div class="${slot}"><reconnect-template template="${template}"${extra}><a href="#">${template}</a></reconnect-template></div>`;
const picker = `<div class="slot"><reconnect-templates situation="reference"><a href="#">Message templates</a></reconnect-templates></div>`;

/**
 * Names a careless page puts on Object.prototype: fields, a section, words, control attributes,
 * a channel's limit, and one of fetch's options.
 */
const POLLUTED = [
  "theirName",
  "yourName",
  "targetRole",
  "targetCompany",
  "forget",
  "rows",
  "maxLength",
  "limit",
  "method",
];
/** A page script that takes one of the widget's element names for an element of its own. */
const take = (name: string): string =>
  `customElements.define(${JSON.stringify(name)}, class extends HTMLElement {});`;

beforeAll(async () => {
  manifest = JSON.parse(readFileSync(join(DIST, "widget/manifest.json"), "utf8")) as typeof manifest;
  hostDir = mkdtempSync(join(tmpdir(), "rk-host-"));
  // Started first, since the iframe pages name its origin; it reads the files on each request.
  host = await httpsHost(hostDir);
  const script = `<script type="module" src="${site.origin}/widget.js"></script>`;
  const pinned = `<script type="module" src="${site.origin}/${manifest.file}" integrity="${manifest.integrity}" crossorigin="anonymous"></script>`;
  const pages: Record<string, string> = {
    // The screenshot pages place the widget at whole pixels, so only the widget can differ.
    "host.css": [
      "body { margin: 0; padding: 16px; background: #fff; } .slot { width: 720px; margin-block: 16px; }",
      ".shot { position: absolute; inset-block-start: 120px; inset-inline-start: 16px; }",
      ".rtl { direction: rtl; text-align: right; }",
    ].join("\n"),
    "hostile.css": [
      "* { font-size: 30px !important; line-height: 3 !important; color: red !important; }",
      "* { font-family: serif !important; letter-spacing: 2px !important; text-transform: uppercase !important; }",
      "* { text-align: center !important; word-spacing: 9px !important; font-weight: 900 !important; }",
      "button { display: none; } input, textarea, select { background: black; } a { color: hotpink; }",
      "div, p, span, label, h2, a { padding: 20px; margin: 20px; border: 3px solid lime; }",
    ].join("\n"),
    "plain.html": hostPage({ body: `${script}${widget(EMAIL, "", "slot shot")}` }),
    "hostile.html": hostPage({ body: `${script}${widget(EMAIL, "", "slot shot")}`, hostile: true }),
    "two.html": hostPage({
      body: `${script}${pinned}${script}${widget(EMAIL)}${widget(TEXT, ' theme="dark"')}`,
      hostile: true,
    }),
    "baseline.html": hostPage({ body: "<p>No widget here.</p>" }),
    "missing.html": hostPage({ body: `${script}${widget("no-such-template")}${widget("")}` }),
    "picker.html": hostPage({
      body: `${script}<div class="slot"><reconnect-templates situation="reference"></reconnect-templates></div>`,
      hostile: true,
    }),
    // Hostile hosts: each changes one thing the widget must not take from the page.
    "polluted.html": hostPage({
      body: `${script}${widget(TEXT)}${widget(EMAIL)}`,
      scripts: [`for (const name of ${JSON.stringify(POLLUTED)}) Object.prototype[name] = "Polluted";`],
    }),
    "taken-template.html": hostPage({
      body: `${script}${widget(EMAIL)}${picker}`,
      scripts: [take("reconnect-template")],
    }),
    "taken-picker.html": hostPage({
      body: `${script}${widget(EMAIL)}${picker}`,
      scripts: [take("reconnect-templates")],
    }),
    "rtl.html": hostPage({
      body: `${script}<div class="rtl">${widget(EMAIL, "", "slot shot")}</div>`,
      dir: "rtl",
    }),
    "later.html": hostPage({
      body: `${script}${widget(EMAIL)}`,
      // After widget.js has run (module scripts run before DOMContentLoaded), as a late
      // analytics or polyfill script would.
      scripts: [
        `document.addEventListener("DOMContentLoaded", () => {
  window.fetch = () => Promise.reject(new Error("the page's own fetch"));
  JSON.parse = () => { throw new Error("the page's own JSON.parse"); };
  JSON.stringify = () => "the page's own JSON.stringify";
});`,
      ],
    }),
  };
  // The snippet maker's iframe, for this site and this host.
  const frame = (origin: string) =>
    frameSnippet(
      { root: `${site.origin}/`, pinnedFile: manifest.file, integrity: manifest.integrity },
      { kind: "template", template: EMAIL, title: "thank you" },
      origin,
    );
  const resize = frameResizeSnippet(site.origin);
  pages["iframe.html"] = hostPage({ body: frame(new URL(host.url).origin), scripts: [resize] });
  pages["iframe-wrong.html"] = hostPage({ body: frame("http://127.0.0.1:9"), scripts: [resize] });
  // What the snippet maker wrote while each template had an embed page of its own.
  pages["iframe-old.html"] = hostPage({
    body: `<iframe data-reconnect-kit src="${site.origin}/embed/${EMAIL}/?origin=${encodeURIComponent(new URL(host.url).origin)}" title="Fill in: thank you" allow="clipboard-write" height="800"></iframe>`,
    scripts: [resize],
  });
  for (const [name, text] of Object.entries(pages)) writeFileSync(join(hostDir, name), text);

  browser = await openBrowser({ ignoreHTTPSErrors: true });
  await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], {
    origin: new URL(host.url).origin,
  });
});

afterAll(async () => {
  await browser.close();
  await host.close();
  rmSync(hostDir, { recursive: true, force: true });
});

interface Problems {
  readonly consoleErrors: string[];
  readonly cspViolations: string[];
}

async function openHost(
  name: string,
  before?: (page: Page) => Promise<void>,
): Promise<{ page: Page; problems: Problems; warnings: string[] }> {
  const page = await browser.context.newPage();
  await before?.(page);
  const problems: Problems = { consoleErrors: [], cspViolations: [] };
  const warnings: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.consoleErrors.push(message.text());
    if (message.type() === "warning") warnings.push(message.text());
  });
  page.on("pageerror", (error) => problems.consoleErrors.push(error.message));
  await page.exposeFunction("__rkCsp", (text: string) => problems.cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __rkCsp: (t: string) => void }).__rkCsp(
        `${event.violatedDirective} blocked ${event.blockedURI}`,
      );
    });
  });
  await page.goto(new URL(name, host.url).href, { waitUntil: "networkidle" });
  return { page, problems, warnings };
}

function ready(page: Page, nth = 0): Promise<unknown> {
  return page.locator("reconnect-template").nth(nth).locator('[data-part="body"]').waitFor();
}

const bodyText = (page: Page, nth = 0): Promise<string> =>
  page.locator("reconnect-template").nth(nth).locator('[data-part="body"]').innerText();

async function forget(page: Page): Promise<void> {
  await page.locator("reconnect-template").first().getByRole("button", { name: "Forget my details" }).click();
}

/**
 * Opens plain.html and `other`, types the same name in both, and compares screenshots of the
 * widget: a pixel differs when a channel is off by more than 8, and at most 0.2% may differ.
 */
async function expectSameLook(other: string): Promise<void> {
  const plain = await openHost("plain.html");
  await plain.page.setViewportSize({ width: 1280, height: 1600 });
  await ready(plain.page);
  await plain.page.locator("reconnect-template").getByLabel("Their name").fill("Dan");
  await plain.page.locator("reconnect-template").getByLabel("Their name").blur();
  const hostile = await openHost(other);
  await hostile.page.setViewportSize({ width: 1280, height: 1600 });
  await ready(hostile.page);
  await expect(bodyText(hostile.page)).resolves.toMatch(/^Hi Dan,/);

  const shots = await Promise.all(
    [plain.page, hostile.page].map(async (page) =>
      (
        await page.locator("reconnect-template").screenshot({ animations: "disabled", caret: "hide" })
      ).toString("base64"),
    ),
  );
  // Decoded and compared in the browser.
  const diff = await plain.page.evaluate(async ([a, b]) => {
    const decode = async (data: string) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext("2d");
      context?.drawImage(image, 0, 0);
      return context?.getImageData(0, 0, image.width, image.height);
    };
    const [x, y] = await Promise.all([decode(a ?? ""), decode(b ?? "")]);
    if (!x || !y) return { size: "none", differing: -1 };
    let differing = 0;
    if (x.width === y.width && x.height === y.height) {
      for (let i = 0; i < x.data.length; i += 4) {
        for (let c = 0; c < 4; c += 1) {
          if (Math.abs((x.data[i + c] ?? 0) - (y.data[i + c] ?? 0)) > 8) {
            differing += 1;
            break;
          }
        }
      }
    }
    return {
      size: `${x.width}x${x.height} vs ${y.width}x${y.height}`,
      differing,
      pixels: x.width * x.height,
    };
  }, shots);
  expect(diff.size).toMatch(/^(\d+x\d+) vs \1$/);
  expect(diff.differing, `${diff.differing} of ${diff.pixels ?? 0} pixels differ`).toBeLessThanOrEqual(
    (diff.pixels ?? 0) * 0.002,
  );
  await forget(plain.page);
  await Promise.all([plain.page.close(), hostile.page.close()]);
}

describe("on a host page from another origin, with a hostile stylesheet and a strict CSP", () => {
  test("the widget renders, fills in, and copies, with no console error or CSP violation", async () => {
    const { page, problems } = await openHost("hostile.html");
    await ready(page);
    const widget = page.locator("reconnect-template");
    await forget(page);
    await expect(widget.getByRole("heading", { level: 2 }).innerText()).resolves.toMatch(
      /^Ask for a reference/,
    );
    // The page's `* { font-size: 30px !important }` and `button { display: none }` stay outside.
    await expect(widget.locator(".rk").evaluate((el) => getComputedStyle(el).fontSize)).resolves.toBe("16px");
    await expect(widget.getByRole("button", { name: "Copy all" }).isVisible()).resolves.toBe(true);

    await widget.getByLabel("Their name").fill("Dan");
    await widget.getByLabel("Your name").fill("Maya Patel");
    await expect(bodyText(page)).resolves.toMatch(/^Hi Dan,/);
    await expect(widget.locator(".count").innerText()).resolves.toBe("All details filled in");

    await page.evaluate(() => {
      document.addEventListener("rk-copy", (event) => {
        (window as unknown as { copied: unknown }).copied = (event as CustomEvent).detail;
      });
    });
    await widget.getByRole("button", { name: "Copy message only" }).click();
    await expect.poll(() => widget.getByRole("status").innerText()).toBe("Copied the message.");
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(await bodyText(page));
    await expect(page.evaluate(() => (window as unknown as { copied: unknown }).copied)).resolves.toEqual({
      template: EMAIL,
      part: "body",
    });
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [] });
    await page.close();
  });

  test("it looks the same as on a plain page (pixel comparison of screenshots)", async () => {
    await expectSameLook("hostile.html");
  });

  test("axe finds no violations inside the shadow root, with every detail showing", async () => {
    const { page } = await openHost("hostile.html");
    await ready(page);
    await page.locator("reconnect-template").getByText("Optional details").click();
    expect(await axeViolations(page, "reconnect-template")).toEqual([]);
    await page.close();
  });

  test("works in a 280 px column without sideways scrolling", async () => {
    const { page } = await openHost("plain.html");
    await ready(page);
    await page.setViewportSize({ width: 312, height: 800 });
    await page.evaluate(() => {
      document.querySelector<HTMLElement>(".slot")?.style.setProperty("width", "280px");
    });
    const widths = await page.locator("reconnect-template").evaluate((el) => ({
      outer: el.getBoundingClientRect().width,
      inner: el.shadowRoot?.firstElementChild?.scrollWidth,
    }));
    expect(widths.outer).toBe(280);
    expect(widths.inner).toBeLessThanOrEqual(280);
    await page.close();
  });
});

describe("several widgets, scripts and globals", () => {
  test("two widgets and the script three times (stable twice, pinned with SRI) work, sharing details", async () => {
    const { page, problems } = await openHost("two.html");
    await Promise.all([ready(page, 0), ready(page, 1)]);
    await forget(page);
    await page.locator("reconnect-template").first().getByLabel("Their name").fill("Priya");
    await expect.poll(() => bodyText(page, 1)).toMatch(/^Hi Priya,/);
    await expect(
      page.locator("reconnect-template").nth(1).locator(".rk").getAttribute("data-theme"),
    ).resolves.toBe("dark");
    await expect(page.evaluate(() => window.ReconnectKit?.version)).resolves.toMatch(/^\d+\.\d+\.\d+/);
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [] });
    await forget(page);
    await page.close();
  });

  test("the only global it adds is ReconnectKit", async () => {
    const names = async (name: string) => {
      const { page } = await openHost(name);
      const found = await page.evaluate(() => Object.getOwnPropertyNames(window));
      await page.close();
      return found;
    };
    const [before, after] = await Promise.all([names("baseline.html"), names("two.html")]);
    expect(after.filter((name) => !before.includes(name))).toEqual(["ReconnectKit"]);
  });

  test("attributes can change after load", async () => {
    const { page } = await openHost("plain.html");
    await ready(page);
    const widget = page.locator("reconnect-template");
    const background = () => widget.locator(".rk").evaluate((el) => getComputedStyle(el).backgroundColor);
    const light = await background();
    await widget.evaluate((el) => {
      el.setAttribute("theme", "dark");
    });
    await expect.poll(background).not.toBe(light);
    // In the dark theme the dark accent applies, with the text computed to read on it.
    await widget.evaluate((el) => {
      el.setAttribute("accent-dark", "#ffaacc");
      el.setAttribute("template", "thank-you-text");
    });
    await expect
      .poll(() => widget.getByRole("heading", { level: 2 }).innerText())
      .toBe("Thank a reference by text");
    await expect(
      widget
        .getByRole("button", { name: "Copy message" })
        .evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]),
    ).resolves.toEqual(["rgb(255, 170, 204)", "rgb(0, 0, 0)"]);
    await page.close();
  });

  test("rk-open bubbles out with the link that was used", async () => {
    const { page } = await openHost("plain.html");
    await ready(page);
    await page.evaluate(() => {
      const seen: unknown[] = [];
      (window as unknown as { opened: unknown[] }).opened = seen;
      document.addEventListener("rk-open", (event) => seen.push((event as CustomEvent).detail));
      // Keep the test page from handing mailto: to the operating system.
      document.addEventListener("click", (event) => {
        event.preventDefault();
      });
    });
    await page.locator("reconnect-template").getByRole("link", { name: "Open in email app" }).click();
    await expect(page.evaluate(() => (window as unknown as { opened: unknown[] }).opened)).resolves.toEqual([
      { template: EMAIL, link: "mailto" },
    ]);
    await page.close();
  });

  test("the picker lists one situation's templates and shows the one chosen", async () => {
    const { page, problems } = await openHost("picker.html");
    await ready(page);
    const picker = page.locator("reconnect-templates");
    const options = await picker
      .locator("#pick option")
      .evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value));
    const index = (await (await fetch(`${site.origin}/api/templates.json`)).json()) as {
      templates: { slug: string; situation: string }[];
    };
    const reference = index.templates.filter((t) => t.situation === "reference").map((t) => t.slug);
    expect(options.sort()).toEqual(reference.sort());
    await picker.getByLabel("Choose a template").selectOption(TEXT);
    await expect
      .poll(() => picker.locator("reconnect-template").getByRole("heading", { level: 2 }).innerText())
      .toBe("Thank a reference by text");
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [] });
    await page.close();
  });
});

describe("when the template cannot be shown", () => {
  test("a missing template or name shows a short message with a link to the site", async () => {
    const { page } = await openHost("missing.html");
    const [missing, unnamed] = [0, 1].map((n) => page.locator("reconnect-template").nth(n));
    await expect(missing?.locator(".error").innerText()).resolves.toMatch(
      /^There is no template called "no-such-template"\. See all templates on Reconnect Kit/,
    );
    await expect(missing?.getByRole("link").getAttribute("href")).resolves.toBe(`${site.origin}/templates/`);
    await expect(unnamed?.locator(".error").innerText()).resolves.toMatch(/needs a template name/);
    await page.close();
  });

  test("a network failure shows a message with a link to the template's page", async () => {
    const page = await browser.context.newPage();
    await page.route(`${site.origin}/api/**`, (route) => route.abort("internetdisconnected"));
    await page.goto(new URL("plain.html", host.url).href);
    const error = page.locator("reconnect-template .error");
    await expect(error.innerText()).resolves.toMatch(
      /^The template could not load\. Open it on Reconnect Kit/,
    );
    await expect(error.getByRole("link").getAttribute("href")).resolves.toBe(
      `${site.origin}/templates/${EMAIL}/`,
    );
    await page.close();
  });
});

describe("on host pages that change what the widget relies on", () => {
  test("names the page put on Object.prototype never fill the message, the form or its words", async () => {
    const { page, problems } = await openHost("polluted.html");
    await Promise.all([ready(page, 0), ready(page, 1)]);
    await forget(page);
    const widgets = page.locator("reconnect-template");
    await expect(bodyText(page, 0)).resolves.toMatch(/^Hi \[Their name\], thank you/);
    await expect(widgets.nth(0).locator(".count").innerText()).resolves.toMatch(/^2 details left/);
    for (const nth of [0, 1]) {
      // Every text and every attribute the widget drew, inputs' values included.
      const drawn = await widgets
        .nth(nth)
        .evaluate((el) =>
          [...(el.shadowRoot?.querySelectorAll("*") ?? [])].flatMap((node) => [
            node.textContent,
            ...[...node.attributes].map((a) => a.value),
            node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement ? node.value : "",
          ]),
        );
      expect(drawn.filter((text) => text.includes("Polluted"))).toEqual([]);
    }
    // What a person types still fills in.
    await widgets.nth(0).getByLabel("Their name").fill("Dan");
    await expect.poll(() => bodyText(page, 0)).toMatch(/^Hi Dan, thank you/);
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [] });
    await forget(page);
    await page.close();
  });

  test.each([
    ["reconnect-template", "taken-template.html"],
    ["reconnect-templates", "taken-picker.html"],
  ])(
    "a page that defined <%s> itself is told so, keeps its own link, and gets the other element",
    async (name, file) => {
      const { page, problems, warnings } = await openHost(file);
      expect(problems).toEqual({ consoleErrors: [], cspViolations: [] });
      expect(warnings.filter((w) => w.includes(`this page already defines <${name}>`))).toEqual([
        `Reconnect Kit: this page already defines <${name}>, so the widget cannot draw it; rename or remove the page's own.`,
      ]);
      // The page's element is left alone, so the snippet's link inside it still shows.
      await expect(page.locator(name).first().getByRole("link").first().isVisible()).resolves.toBe(true);
      if (name === "reconnect-templates") {
        await ready(page);
        await expect(bodyText(page)).resolves.toMatch(/^Hi /);
      } else {
        // The picker would open the page's own element: it links to the site instead.
        const error = page.locator("reconnect-templates .error");
        await expect(error.innerText()).resolves.toMatch(
          /^The templates could not load\. Open it on Reconnect Kit/,
        );
        await expect(error.getByRole("link").getAttribute("href")).resolves.toBe(`${site.origin}/templates/`);
      }
      await page.close();
    },
  );

  test("a right-to-left page (dir=rtl, and direction: rtl around the widget) does not turn it around", async () => {
    await expectSameLook("rtl.html");
    const { page } = await openHost("rtl.html");
    await ready(page);
    const directions = await page.locator("reconnect-template").evaluate((el) => {
      const frame = el.shadowRoot?.querySelector(".rk");
      const input = el.shadowRoot?.querySelector("input");
      return frame && input
        ? [getComputedStyle(frame).direction, getComputedStyle(input).direction, input.matches(":dir(ltr)")]
        : [];
    });
    expect(directions).toEqual(["ltr", "ltr", true]);
    await page.close();
  });

  test("fetch and JSON replaced by the page after widget.js ran are not used: details save, another template loads", async () => {
    const { page, problems } = await openHost("later.html");
    await ready(page);
    // The page really did replace them.
    await expect(page.evaluate(() => JSON.stringify({}))).resolves.toBe("the page's own JSON.stringify");
    const widget = page.locator("reconnect-template");
    await forget(page);
    await widget.getByLabel("Their name").fill("Dan");
    await expect.poll(() => bodyText(page)).toMatch(/^Hi Dan,/);
    await widget.evaluate((el) => {
      el.setAttribute("template", "thank-you-text");
    });
    await expect
      .poll(() => widget.getByRole("heading", { level: 2 }).innerText())
      .toBe("Thank a reference by text");
    await expect(bodyText(page)).resolves.toMatch(/^Hi Dan, thank you/);
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [] });
    await forget(page);
    await page.close();
  });

  test("a page that breaks Array.prototype.map and String.prototype.replace while the widget runs gets the link", async () => {
    const { page, problems, warnings } = await openHost("plain.html");
    await ready(page);
    await page.evaluate(() => {
      Array.prototype.map = function () {
        throw new TypeError("the page broke map");
      };
      String.prototype.replace = function () {
        throw new TypeError("the page broke replace");
      };
    });
    await page.locator("reconnect-template").getByLabel("Their name").fill("Dan");
    const error = page.locator("reconnect-template .error");
    await expect(error.innerText()).resolves.toMatch(
      /^The template could not load\. Open it on Reconnect Kit/,
    );
    await expect(error.getByRole("link").getAttribute("href")).resolves.toBe(
      `${site.origin}/templates/${EMAIL}/`,
    );
    // No uncaught error on the page; the reason is in a warning for the page's developer.
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [] });
    expect(
      warnings.filter((w) => w.startsWith("Reconnect Kit:") && w.includes("the page broke")),
    ).toHaveLength(1);
    await page.close();
  });
});

describe("when the API answers badly, or not at all", () => {
  interface Answer {
    readonly status: number;
    readonly contentType: string;
    readonly body: string;
  }
  const real = async (): Promise<Record<string, unknown>> =>
    (await (await fetch(`${site.origin}/api/templates/${EMAIL}.json`)).json()) as Record<string, unknown>;

  /** plain.html with the template's JSON answered by `answer`; uncaught errors are collected. */
  async function openWithAnswer(
    answer: Answer | undefined,
    path = `api/templates/${EMAIL}.json`,
    file = "plain.html",
  ) {
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.route(`${site.origin}/${path}`, async (route) => {
      // No answer at all when there is none to give: the request hangs.
      if (answer !== undefined)
        await route.fulfill({ ...answer, headers: { "access-control-allow-origin": "*" } });
    });
    await page.goto(new URL(file, host.url).href);
    return { page, pageErrors };
  }

  test.each<[string, () => Promise<Answer>]>([
    [
      "JSON of the wrong shape",
      () =>
        Promise.resolve({
          status: 200,
          contentType: "application/json",
          body: '{"schemaVersion":1,"slug":"x"}',
        }),
    ],
    [
      "an HTML error page sent as 200",
      () =>
        Promise.resolve({
          status: 200,
          contentType: "text/html",
          body: "<!doctype html><title>Error</title><h1>Something went wrong</h1>",
        }),
    ],
    [
      "a 500",
      () => Promise.resolve({ status: 500, contentType: "text/plain", body: "Internal Server Error" }),
    ],
    [
      "a template whose outline is right but whose parts are broken",
      async () => {
        const template = await real();
        const form = template["form"] as Record<string, unknown>;
        return {
          status: 200,
          contentType: "application/json",
          body: JSON.stringify({
            ...template,
            nodes: { body: [{ type: "section", name: "x", inverted: true }] },
            form: { ...form, required: [null] },
          }),
        };
      },
    ],
  ])("%s ends in a message with a link to the template's page", async (_name, answer) => {
    const { page, pageErrors } = await openWithAnswer(await answer());
    const error = page.locator("reconnect-template .error");
    await expect(error.innerText()).resolves.toMatch(
      /^The template could not load\. Open it on Reconnect Kit/,
    );
    await expect(error.getByRole("link").getAttribute("href")).resolves.toBe(
      `${site.origin}/templates/${EMAIL}/`,
    );
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  test("no answer at all ends in the same message once ten seconds have passed", async () => {
    // The clock is per browser context, so this test has a browser of its own.
    const own = await openBrowser({ ignoreHTTPSErrors: true });
    const page = await own.context.newPage();
    await page.clock.install();
    await page.route(`${site.origin}/api/templates/${EMAIL}.json`, () => {
      // Never answered.
    });
    await page.goto(new URL("plain.html", host.url).href);
    const widget = page.locator("reconnect-template");
    await expect(widget.locator(".note").innerText()).resolves.toMatch(
      /^Loading the template\.\.\. Open it on/,
    );
    await page.clock.runFor(10_000);
    const error = widget.locator(".error");
    await expect(error.innerText()).resolves.toMatch(
      /^The template could not load\. Open it on Reconnect Kit/,
    );
    await expect(error.getByRole("link").getAttribute("href")).resolves.toBe(
      `${site.origin}/templates/${EMAIL}/`,
    );
    await own.close();
  });

  test("a list that is not a template index ends in the picker's message with a link to all templates", async () => {
    const broken = { schemaVersion: 1, templates: [], tactics: [null] };
    const { page, pageErrors } = await openWithAnswer(
      { status: 200, contentType: "application/json", body: JSON.stringify(broken) },
      "api/templates.json",
      "picker.html",
    );
    const error = page.locator("reconnect-templates .error");
    await expect(error.innerText()).resolves.toMatch(
      /^The templates could not load\. Open it on Reconnect Kit/,
    );
    await expect(error.getByRole("link").getAttribute("href")).resolves.toBe(`${site.origin}/templates/`);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});

describe("the iframe embed", () => {
  const frameHeight = (page: Page) =>
    page.locator("iframe").evaluate((el) => Math.round(el.getBoundingClientRect().height));

  test("resizes to its content, by a message the host checks", async () => {
    const { page, problems } = await openHost("iframe.html");
    const frame = page.frameLocator("iframe");
    await frame.locator(".filler fieldset:not([disabled])").waitFor();
    const content = () =>
      frame.locator("body").evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
    await expect.poll(() => frameHeight(page)).not.toBe(800);
    await expect.poll(async () => (await frameHeight(page)) - (await content())).toBe(0);
    // Growing the content grows the iframe.
    const before = await frameHeight(page);
    await frame.getByText("Optional details").click();
    await expect.poll(() => frameHeight(page)).toBeGreaterThan(before);
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [] });

    // A message from any other origin (here the host page itself) is ignored.
    const settled = await frameHeight(page);
    await page.evaluate((type) => {
      window.postMessage({ type, height: 123 }, "*");
    }, RESIZE_TYPE);
    await page.waitForTimeout(300);
    expect(await frameHeight(page)).toBe(settled);
    await page.close();
  });

  test("posts only to the origin it was given, so a wrong parent hears nothing", async () => {
    const { page } = await openHost("iframe-wrong.html");
    await page.frameLocator("iframe").locator(".filler fieldset:not([disabled])").waitFor();
    await page.waitForTimeout(500);
    expect(await frameHeight(page)).toBe(800);
    await page.close();
  });

  test("an iframe pasted with the old per-template address still shows its template and resizes", async () => {
    const { page, problems } = await openHost("iframe-old.html");
    const frame = page.frameLocator("iframe");
    await frame.locator(".filler fieldset:not([disabled])").waitFor();
    await expect(frame.getByRole("heading", { level: 1 }).innerText()).resolves.toMatch(/reference/i);
    await expect(frame.locator("#rk-field-theirName").count()).resolves.toBe(1);
    await expect.poll(() => frameHeight(page)).not.toBe(800);
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [] });
    await page.close();
  });

  test("the embed page has no axe violations and no console error on its own", async () => {
    const page = await browser.context.newPage();
    const problems = await watchPage(page);
    await page.goto(siteUrl(`/embed/frame/?template=${TEXT}`), { waitUntil: "networkidle" });
    await page.waitForSelector(".filler fieldset:not([disabled])");
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [], foreignRequests: [] });
    expect(await axeViolations(page)).toEqual([]);
    // It fills in as the template page does, and links to that page.
    await page.getByLabel("Their name").fill("Dan");
    await expect.poll(() => page.locator("[data-message-part=body]").innerText()).toMatch(/^Hi Dan/);
    await expect(page.getByRole("link", { name: /More on/ }).getAttribute("href")).resolves.toBe(
      `/templates/${TEXT}/`,
    );
    // What was typed here is the site's own storage, which later tests start without.
    await page.evaluate(() => {
      localStorage.clear();
    });
    await page.close();
  });

  test.each([
    ["names no template", "/embed/frame/", /names no template/],
    [
      "names a template there is not",
      "/embed/frame/?template=no-such-template",
      /no template called "no-such-template"/,
    ],
  ])("when its address %s, it says so and links to every template", async (_case, path, said) => {
    const page = await browser.context.newPage();
    await page.goto(siteUrl(path));
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toMatch(said);
    await expect(page.getByRole("link", { name: /See all templates/ }).getAttribute("href")).resolves.toBe(
      siteUrl("/templates/"),
    );
    await page.close();
  });
});

describe("the embed guide, /embed/", () => {
  test("shows the pinned file's integrity hash, which matches the built file", async () => {
    const page = await browser.context.newPage();
    const problems = await watchPage(page);
    await page.goto(siteUrl("/embed/"), { waitUntil: "networkidle" });
    const shown = await page.locator("[data-integrity-value]").innerText();
    const bytes = readFileSync(join(DIST, manifest.file));
    expect(shown).toBe(`sha384-${createHash("sha384").update(bytes).digest("base64")}`);
    expect(shown).toBe(manifest.integrity);
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [], foreignRequests: [] });
    await page.close();
  });

  test("on the site's own origin the widget and the site share the reader's details", async () => {
    const page = await browser.context.newPage();
    await page.goto(siteUrl(`/templates/${EMAIL}/`));
    await page.waitForSelector(".filler fieldset:not([disabled])");
    await page.locator("#rk-field-theirName").fill("Robin");
    await page.goto(siteUrl("/embed/"), { waitUntil: "networkidle" });
    const preview = page.locator(".preview reconnect-template");
    await expect.poll(() => preview.locator("[data-part=body]").innerText()).toMatch(/^Hi Robin,/);
    await preview.getByRole("button", { name: "Forget my details" }).click();
    await page.goto(siteUrl(`/templates/${EMAIL}/`));
    await page.waitForSelector(".filler fieldset:not([disabled])");
    await expect(page.locator("#rk-field-theirName").inputValue()).resolves.toBe("");
    await page.close();
  });

  test("the template list loads when the choice is reached for, not with the page", async () => {
    const page = await browser.context.newPage();
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(siteUrl("/embed/"), { waitUntil: "networkidle" });
    expect(requested).not.toContain("/api/templates.json");
    const choice = page.getByLabel("Template", { exact: true });
    await expect(choice.locator("option").count()).resolves.toBe(1);
    await choice.focus();
    await expect.poll(() => choice.locator("option").count()).toBeGreaterThan(40);
    await choice.selectOption(TEXT);
    await expect
      .poll(() => page.locator("#snippet").innerText())
      .toContain(`<reconnect-template template="${TEXT}">`);
    await page.close();
  });

  test("the generator updates the snippet and the live preview, and copies", async () => {
    const page = await browser.context.newPage();
    await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: new URL(siteUrl()).origin,
    });
    const problems = await watchPage(page);
    await page.goto(siteUrl("/embed/"), { waitUntil: "networkidle" });
    const snippet = page.locator("#snippet");
    await expect(snippet.innerText()).resolves.toContain(`<reconnect-template template="${EMAIL}">`);
    await page.locator(".preview reconnect-template [data-part=body]").waitFor();

    await page.getByLabel("A list to choose from").check();
    await page.getByLabel("Templates for").selectOption("reference");
    await page.getByLabel("Colours").selectOption("dark");
    await page.getByLabel("This version only").check();
    await expect
      .poll(() => snippet.innerText())
      .toContain('<reconnect-templates situation="reference" theme="dark">');
    await expect(snippet.innerText()).resolves.toContain(`integrity="${manifest.integrity}"`);
    await page.locator(".preview reconnect-templates reconnect-template [data-part=body]").waitFor();

    await page.getByRole("button", { name: "Copy snippet" }).click();
    await expect.poll(() => page.locator(".copy-row [role=status]").innerText()).toBe("Copied the snippet.");
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(
      await snippet.innerText(),
    );
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [], foreignRequests: [] });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  test("the generator refuses an accent under WCAG AA, saying why, and keeps one that reads", async () => {
    const page = await browser.context.newPage();
    await page.goto(siteUrl("/embed/"), { waitUntil: "networkidle" });
    const snippet = page.locator("#snippet");
    await page.getByLabel("Accent colour, light scheme").fill("#cccccc");
    await page.getByLabel("Accent colour, dark scheme").fill("#7a1f5c");
    await expect
      .poll(() => page.locator("#gen-accent-check").innerText())
      .toMatch(
        /^Not used: #cccccc on the light background #ffffff has a contrast of 1\.61:1; WCAG AA needs 4\.5:1/,
      );
    await expect(page.locator("#gen-accent-dark-check").innerText()).resolves.toMatch(
      /Pick a lighter shade\.$/,
    );
    await expect(snippet.innerText()).resolves.not.toContain("accent");
    await page.getByLabel("Accent colour, light scheme").fill("#7a1f5c");
    await page.getByLabel("Accent colour, dark scheme").fill("#f0a8d8");
    await expect.poll(() => snippet.innerText()).toContain('accent="#7a1f5c" accent-dark="#f0a8d8"');
    await expect(page.locator("#frame-snippet").innerText()).resolves.toContain(
      "accent=%237a1f5c&amp;accent-dark=%23f0a8d8",
    );
    await expect(page.locator("#gen-accent-check").innerText()).resolves.toBe("");
    await page.close();
  });
});

describe("the API reference, /api/", () => {
  test("loads with no console error and has no axe violations", async () => {
    const page = await browser.context.newPage();
    const problems = await watchPage(page);
    const response = await page.goto(siteUrl("/api/"), { waitUntil: "networkidle" });
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe("Template API");
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [], foreignRequests: [] });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe("the built files", () => {
  test("widget.js and everything it loads, except the template JSON, is at most 11 KB gzipped", () => {
    const scripts = pageScripts(DIST, '<script type="module" src="/widget.js"></script>');
    expect(scripts.map((s) => s.name)).toEqual(["/widget.js"]);
    expect(total(scripts), describeAssets(scripts)).toBeLessThanOrEqual(11 * 1024);
    expect(gzipSize(readFileSync(join(DIST, "widget.js")))).toBe(total(scripts));
  });

  test("the stable and the versioned file are the same bytes, named in the manifest", () => {
    expect(readFileSync(join(DIST, "widget.js")).equals(readFileSync(join(DIST, manifest.file)))).toBe(true);
    expect(manifest.file).toBe(`widget/${manifest.version}/widget.js`);
    expect(readdirSync(join(DIST, "widget")).sort()).toEqual([manifest.version, "manifest.json"].sort());
  });

  test("the API answers cross-origin requests from a host page", async () => {
    const { page } = await openHost("plain.html");
    const answers = await page.evaluate(async (origin) => {
      const get = async (path: string) => {
        const response = await fetch(`${origin}/${path}`);
        return { type: response.headers.get("content-type"), text: await response.text() };
      };
      return Promise.all([
        get("api/templates.json"),
        get("api/fields.json"),
        get("api/templates/thank-you-text.json"),
        get("templates/thank-you-text.txt"),
      ]);
    }, site.origin);
    for (const answer of answers.slice(0, 3)) {
      expect(answer.type).toMatch(/^application\/json/);
      expect(JSON.parse(answer.text)).toMatchObject({ schemaVersion: 1 });
    }
    expect(answers[3].type).toMatch(/^text\/plain/);
    expect(answers[3].text).toMatch(/^Hi \[Their name\], thank you/);
    await page.close();
  });
});
