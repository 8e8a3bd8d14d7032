/**
 * Headless Debian Chromium driven by playwright-core, with the flags this sandbox needs, plus the
 * page probes every browser test wants: console errors, CSP violations and axe.
 */
import { AxeBuilder } from "@axe-core/playwright";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { inject } from "vitest";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "../helpers/chromium.ts";

export { CHROMIUM_PATH } from "../helpers/chromium.ts";

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"];

export function siteUrl(path = ""): string {
  return new URL(path.replace(/^\//, ""), inject("baseUrl")).href;
}

export interface BrowserSession {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * A fresh Chromium with its own empty profile folder. `ignoreHTTPSErrors` lets it open the
 * self-signed host pages of tests/e2e/https-host.ts.
 */
export async function openBrowser(
  options: { viewport?: { width: number; height: number }; ignoreHTTPSErrors?: boolean } = {},
): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), "rk-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS],
    viewport: options.viewport ?? { width: 1280, height: 900 },
    ignoreHTTPSErrors: options.ignoreHTTPSErrors ?? false,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh Chromium with JavaScript off. A persistent context (openBrowser) has no browser object
 * to open a second context from, so this launches a plain one.
 */
export async function openBrowserWithoutJavaScript(
  options: { viewport?: { width: number; height: number } } = {},
): Promise<BrowserSession> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS],
  });
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  return {
    context,
    async close() {
      await browser.close();
    },
  };
}

export interface PageProblems {
  readonly consoleErrors: string[];
  readonly cspViolations: string[];
  readonly foreignRequests: string[];
}

/** Records console errors, CSP violations and requests to any origin but the site's own. */
export async function watchPage(page: Page): Promise<PageProblems> {
  const problems: PageProblems = { consoleErrors: [], cspViolations: [], foreignRequests: [] };
  const siteOrigin = new URL(inject("baseUrl")).origin;
  page.on("console", (message) => {
    if (message.type() === "error") problems.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => problems.consoleErrors.push(error.message));
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith("http") && url.origin !== siteOrigin)
      problems.foreignRequests.push(request.url());
  });
  await page.exposeFunction("__rkCsp", (text: string) => problems.cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __rkCsp: (t: string) => void }).__rkCsp(
        `${event.violatedDirective} blocked ${event.blockedURI}`,
      );
    });
  });
  return problems;
}

export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  if (include !== undefined) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact ?? "?"}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}
