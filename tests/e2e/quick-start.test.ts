import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseMailto } from "../../src/lib/links.ts";
import {
  axeViolations,
  openBrowser,
  openBrowserWithoutJavaScript,
  siteUrl,
  watchPage,
  type BrowserSession,
} from "./browser.ts";

const PHONE = { width: 360, height: 740 };
const MAX_TAPS = 3;

let browser: BrowserSession;
beforeAll(async () => {
  browser = await openBrowser({ viewport: PHONE });
  await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], {
    origin: new URL(siteUrl()).origin,
  });
});
afterAll(async () => {
  await browser.close();
});

/** Home with the quick start hydrated, counting every tap or click the page receives. */
async function openHome(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    const counted = window as unknown as { __rkTaps: number };
    counted.__rkTaps = 0;
    window.addEventListener(
      "pointerdown",
      () => {
        counted.__rkTaps += 1;
      },
      { capture: true },
    );
  });
  await page.goto(siteUrl("/"));
  // The element removes its props block just before hydrating.
  await page.waitForFunction(() => document.querySelector("rk-quick-start > script") === null);
  await page.evaluate(() => {
    localStorage.clear();
  });
  return page;
}

const taps = (page: Page) => page.evaluate(() => (window as unknown as { __rkTaps: number }).__rkTaps);
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

async function inFirstScreen(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= PHONE.height;
}

const answer = (page: Page) => page.getByRole("region", { name: /Your first message/ });

describe("the quick start on a 360 × 740 phone", () => {
  test("both questions and their buttons are in the first screen", async () => {
    const page = await openHome();
    await expect(inFirstScreen(page.getByLabel("1. Who are you writing to?"))).resolves.toBe(true);
    await expect(inFirstScreen(page.getByRole("button", { name: "A reference" }))).resolves.toBe(true);
    await expect(inFirstScreen(page.getByRole("button", { name: "Just to reconnect" }))).resolves.toBe(true);
    await page.close();
  });

  test(`home to a filled, copied reference request in at most ${MAX_TAPS} taps plus typing`, async () => {
    const page = await openHome();
    await page.getByLabel("1. Who are you writing to?").click();
    await page.keyboard.type("Dan");
    await page.getByRole("button", { name: "A reference" }).click();
    await answer(page).waitFor();
    const copy = answer(page).getByRole("button", { name: "Copy all" });
    const email = answer(page).getByRole("link", { name: "Open in email app" });
    // The send actions are in view without a scroll, the email app first.
    await expect(inFirstScreen(email)).resolves.toBe(true);
    await expect(inFirstScreen(copy)).resolves.toBe(true);
    await copy.click();
    await expect(answer(page).getByRole("status").innerText()).resolves.toBe(
      "Copied the subject and message.",
    );
    const copied = await clipboard(page);
    expect(copied).toMatch(/^Subject: Reconnecting, and a favor to ask\n\nHi Dan,\n/);
    expect(copied).toContain("[Your name]");
    expect(new URL(page.url()).pathname).toBe("/");
    const count = await taps(page);
    expect(count, `${count} taps`).toBeLessThanOrEqual(MAX_TAPS);
    // The mailto link carries the very same message.
    const href = (await email.getAttribute("href")) ?? "";
    expect(parseMailto(href).body).toBe(copied.split("\n\n").slice(1).join("\n\n"));
    await page.close();
  });

  test("needed within two business days: the urgent text, Copy first, and the plan's next days", async () => {
    const page = await openHome();
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    });
    await page.getByLabel("1. Who are you writing to?").click();
    await page.keyboard.type("Dan");
    await page.getByLabel("A reference by (optional)").fill(today);
    await page.getByRole("button", { name: "A reference" }).click();
    await answer(page).waitFor();
    await expect(answer(page).getByRole("heading", { level: 2 }).innerText()).resolves.toContain(
      "Ask for a reference by text when time is short",
    );
    const actions = answer(page).getByRole("group", { name: "Send or save the message" });
    const first = actions.locator(":scope > *").first();
    await expect(first.innerText()).resolves.toBe("Copy message");
    await expect(inFirstScreen(first)).resolves.toBe(true);
    await first.click();
    await expect(clipboard(page)).resolves.toMatch(/^Hi Dan, this is \[Your name\]\./);
    expect(await taps(page)).toBeLessThanOrEqual(MAX_TAPS);
    const steps = answer(page).locator(".qs-steps li");
    await expect(steps.count()).resolves.toBe(3);
    await expect(steps.first().innerText()).resolves.toMatch(
      /\d{4}\n?\s*Follow up with Dan if there is no reply/,
    );
    await page.close();
  });

  test("just to reconnect: the reconnect email, with your own details from the profile", async () => {
    const page = await openHome();
    await page.evaluate(() => {
      localStorage.setItem(
        "reconnect-kit:profile",
        JSON.stringify({ v: 1, data: { yourName: "Maya Patel" } }),
      );
    });
    await page.getByLabel("1. Who are you writing to?").fill("Jo");
    await page.getByRole("button", { name: "Just to reconnect" }).click();
    await answer(page).waitFor();
    await expect(answer(page).locator('[data-message-part="subject"]').innerText()).resolves.toBe(
      "Hello from an old coworker, Jo",
    );
    await expect(answer(page).locator('[data-message-part="body"]').innerText()).resolves.toContain(
      "Talk soon,\nMaya Patel",
    );
    await expect(answer(page).getByText("All details filled in").count()).resolves.toBe(1);
    await expect(answer(page).locator(".qs-steps li").first().innerText()).resolves.toContain(
      "Follow up with Jo",
    );
    await page.close();
  });

  test("the template page opens filled with the name typed, and its address is cleaned", async () => {
    const page = await openHome();
    await page.getByLabel("1. Who are you writing to?").fill("Dan");
    await page.getByRole("button", { name: "A reference" }).click();
    await answer(page).getByRole("link", { name: "Edit every detail" }).click();
    await page.waitForURL(/\/templates\/ask-for-a-reference-email\//);
    await page.waitForSelector(".filler fieldset:not([disabled])");
    await expect(page.locator("#rk-field-theirName").inputValue()).resolves.toBe("Dan");
    await expect.poll(() => new URL(page.url()).search).toBe("");
    await page.close();
  });

  test("keyboard only: type, Enter, and the answer takes the focus; Tab reaches Copy", async () => {
    const page = await openHome();
    await page.getByLabel("1. Who are you writing to?").focus();
    await page.keyboard.type("Dan");
    await page.keyboard.press("Enter");
    await answer(page).waitFor();
    // The heading takes the focus in an effect, just after the answer is drawn.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("qs-answer-heading");
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Open in email app");
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Copy all");
    await page.keyboard.press("Enter");
    await expect(clipboard(page)).resolves.toContain("Hi Dan,");
    expect(await taps(page)).toBe(0);
    await page.close();
  });
});

describe("a template page opened with details in its address", () => {
  test("starts filled with them, as text, and never takes your own details from it", async () => {
    const page = await browser.context.newPage();
    await page.goto(siteUrl("/templates/ask-for-a-reference-email/"));
    await page.evaluate(() => {
      localStorage.setItem("reconnect-kit:profile", JSON.stringify({ v: 1, data: { yourName: "Maya" } }));
    });
    const hostile = "<img src=x onerror=alert(1)>";
    await page.goto(
      siteUrl(
        `/templates/ask-for-a-reference-email/?theirName=${encodeURIComponent(hostile)}&yourName=Mallory&neededBy=2099-12-11`,
      ),
    );
    await page.waitForSelector(".filler fieldset:not([disabled])");
    await expect.poll(() => page.locator("#rk-field-theirName").inputValue()).toBe(hostile);
    await expect(page.locator("#rk-field-yourName").inputValue()).resolves.toBe("Maya");
    await expect(page.locator("#rk-field-neededBy").inputValue()).resolves.toBe("2099-12-11");
    await expect(page.locator('[data-message-part="body"] img').count()).resolves.toBe(0);
    await expect(page.locator('[data-message-part="body"]').innerText()).resolves.toContain(`Hi ${hostile},`);
    // Applied once: the address keeps only what was not a detail it took.
    await expect.poll(() => new URL(page.url()).search).toBe("?yourName=Mallory");
    await page.close();
  });
});

describe("home's look and safety", () => {
  test.each(["light", "dark"] as const)(
    "axe-clean in %s, with the answer shown, and no CSP violation or console error",
    async (colorScheme) => {
      const page = await browser.context.newPage();
      const problems = await watchPage(page);
      await page.emulateMedia({ colorScheme });
      await page.goto(siteUrl("/"));
      await page.waitForFunction(() => document.querySelector("rk-quick-start > script") === null);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel("1. Who are you writing to?").fill("Dan");
      await page.getByRole("button", { name: "A reference" }).click();
      await answer(page).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual({ consoleErrors: [], cspViolations: [], foreignRequests: [] });
      await page.close();
    },
  );

  test("the illustrations are drawn inline and hidden from assistive technology", async () => {
    const page = await browser.context.newPage();
    await page.goto(siteUrl("/"));
    const drawings = page.locator("svg.illustration");
    await expect(drawings.count()).resolves.toBe(3);
    await expect(page.locator('svg.illustration:not([aria-hidden="true"])').count()).resolves.toBe(0);
    await page.close();
  });
});

describe("the quick start with JavaScript off", () => {
  test.each([
    ["A reference", "/templates/ask-for-a-reference-email/"],
    ["Just to reconnect", "/templates/reconnect-email/"],
    ["Needed within two days: ask by text", "/templates/ask-for-a-reference-text-urgent/"],
  ])("%s goes to %s with the name in the address", async (button, path) => {
    const noScript = await openBrowserWithoutJavaScript({ viewport: PHONE });
    const page = await noScript.context.newPage();
    await page.goto(siteUrl("/"));
    await page.getByLabel("1. Who are you writing to?").fill("Dan O'Brien");
    await page.getByRole("button", { name: button }).click();
    await page.waitForURL((url) => url.pathname === path);
    expect(new URL(page.url()).searchParams.get("theirName")).toBe("Dan O'Brien");
    await expect(page.locator("h1").count()).resolves.toBe(1);
    await noScript.close();
  });
});
