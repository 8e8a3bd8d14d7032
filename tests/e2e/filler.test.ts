import type { Page } from "playwright-core";
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

const EMAIL_PAGE = "/templates/ask-for-a-reference-email/";
const TEXT_PAGE = "/templates/thank-you-text/";

let browser: BrowserSession;
beforeAll(async () => {
  browser = await openBrowser();
  await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], {
    origin: new URL(siteUrl()).origin,
  });
});
afterAll(async () => {
  await browser.close();
});

async function openTemplate(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(siteUrl(path));
  await page.waitForSelector(".filler fieldset:not([disabled])");
  return page;
}

async function forget(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Forget my details" }).click();
}

function body(page: Page): Promise<string> {
  return page.locator('[data-message-part="body"]').innerText();
}

describe("filling in a template", () => {
  test("the preview updates on every keystroke and counts what is left", async () => {
    const page = await openTemplate(EMAIL_PAGE);
    await forget(page);
    await expect(body(page)).resolves.toContain("[Their name]");
    await expect(page.locator(".count").innerText()).resolves.toMatch(/^2 details left/);
    await page.locator("#rk-field-theirName").pressSequentially("Dan");
    await expect(body(page)).resolves.toMatch(/^Hi Dan,/);
    await page.locator("#rk-field-yourName").fill("Maya Patel");
    await expect(page.locator(".count").innerText()).resolves.toBe("All details filled in");
    await expect(page.locator('[data-message-part="body"] .missing').count()).resolves.toBe(0);
    await page.close();
  });

  test("copy puts the exact text on the clipboard and says so", async () => {
    const page = await openTemplate(TEXT_PAGE);
    await page.locator("#rk-field-theirName").fill("Dan");
    await page.locator("#rk-field-yourName").fill("Maya");
    const expected = await body(page);
    await page.getByRole("button", { name: "Copy message" }).click();
    // Copying is asynchronous (the Clipboard API returns a promise).
    await expect.poll(() => page.getByRole("status").innerText()).toBe("Copied the message.");
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(expected);
    await page.close();
  });

  test("the mailto link decodes to the exact subject and body", async () => {
    const page = await openTemplate(EMAIL_PAGE);
    await page.locator("#rk-field-theirName").fill("Dan & Jo #1 + 50% ünïcode");
    await page.locator("#rk-field-yourName").fill("Maya");
    const href = await page.locator('a[data-action="mailto"]').getAttribute("href");
    expect(href).toMatch(/^mailto:\?subject=/);
    expect(href).toContain("%0D%0A");
    const subject = await page.locator('[data-message-part="subject"]').innerText();
    expect(parseMailto(href ?? "")).toEqual({ to: "", subject, body: await body(page) });
    await page.close();
  });

  test("values survive a reload, reach another tab, and Forget clears them", async () => {
    const page = await openTemplate(EMAIL_PAGE);
    await forget(page);
    await page.locator("#rk-field-theirName").fill("Priya");
    await page.reload();
    await page.waitForSelector(".filler fieldset:not([disabled])");
    await expect(page.locator("#rk-field-theirName").inputValue()).resolves.toBe("Priya");

    const other = await openTemplate(TEXT_PAGE);
    await expect(other.locator("#rk-field-theirName").inputValue()).resolves.toBe("Priya");
    await page.locator("#rk-field-theirName").fill("Priya S");
    await expect.poll(() => other.locator("#rk-field-theirName").inputValue()).toBe("Priya S");

    await forget(page);
    await expect(page.locator("#rk-field-theirName").inputValue()).resolves.toBe("");
    await expect(page.getByRole("status").innerText()).resolves.toBe(
      "Your details were removed from this device. The people in your references stay.",
    );
    await expect.poll(() => other.locator("#rk-field-theirName").inputValue()).toBe("");
    await page.reload();
    await page.waitForSelector(".filler fieldset:not([disabled])");
    await expect(page.locator("#rk-field-theirName").inputValue()).resolves.toBe("");
    await Promise.all([page.close(), other.close()]);
  });

  test("markup and template tags typed into fields stay literal text", async () => {
    const page = await openTemplate(EMAIL_PAGE);
    let dialogs = 0;
    page.on("dialog", (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    const imagesBefore = await page.locator("img").count();
    await page.locator("#rk-field-theirName").fill("<img src=x onerror=alert(1)>");
    await page.locator("#rk-field-yourName").fill("{{theirName}}");
    await expect(body(page)).resolves.toContain("Hi <img src=x onerror=alert(1)>,");
    await expect(body(page)).resolves.toContain("{{theirName}}");
    await expect(page.locator("img").count()).resolves.toBe(imagesBefore);
    expect(dialogs).toBe(0);
    await forget(page);
    await page.close();
  });

  test("no request leaves the page while filling", async () => {
    const page = await openTemplate(EMAIL_PAGE);
    await page.waitForLoadState("networkidle");
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.locator("#rk-field-theirName").pressSequentially("Daniel");
    await page.locator("#rk-field-yourName").pressSequentially("Maya Patel");
    await page.getByText("Optional details").click();
    await page.locator("#rk-field-neededBy").fill("2026-12-11");
    await page.waitForTimeout(300);
    expect(requests).toEqual([]);
    await forget(page);
    await page.close();
  });

  test("a date shows in words", async () => {
    const page = await openTemplate(EMAIL_PAGE);
    await page.getByText("Optional details").click();
    await page.locator("#rk-field-neededBy").fill("2026-12-11");
    await expect(body(page)).resolves.toMatch(/Friday,? (11 December|December 11)/);
    await forget(page);
    await page.close();
  });
});

describe("channel meters and fixes", () => {
  test("a text shows its SMS segments and can swap curly quotes for plain ones", async () => {
    const page = await openTemplate(TEXT_PAGE);
    await page.locator("#rk-field-theirName").fill("Dan");
    await page.locator("#rk-field-yourName").fill("Maya \u201cMay\u201d Patel");
    await expect(page.locator("[data-meter]").innerText()).resolves.toContain("UCS-2");
    await page.getByRole("button", { name: "Use plain characters" }).click();
    await expect(page.locator("#rk-field-yourName").inputValue()).resolves.toBe('Maya "May" Patel');
    await expect(page.locator("[data-meter]").innerText()).resolves.toMatch(
      /^Fits: [12] SMS segments? \(GSM-7/,
    );
    await expect(page.locator('a[data-action="sms"]').getAttribute("href")).resolves.toMatch(/^sms:\?&body=/);
    await forget(page);
    await page.close();
  });

  test("the LinkedIn note shows characters against 200 (300 with Premium)", async () => {
    const page = await openTemplate("/templates/connect-invitation-linkedin-note/");
    await expect(page.locator("[data-meter]").innerText()).resolves.toMatch(
      /of 200 characters \(300 with Premium\)/,
    );
    await page.close();
  });

  test("a voicemail shows its spoken time and the note its words", async () => {
    const voicemail = await openTemplate("/templates/reconnect-voicemail/");
    await expect(voicemail.locator("[data-meter]").innerText()).resolves.toMatch(/about \d+ seconds spoken/);
    const note = await openTemplate("/templates/thank-you-note-handwritten/");
    await expect(note.locator("[data-meter]").innerText()).resolves.toMatch(/\d+ of 80 words/);
    await expect(note.getByRole("button", { name: "Print as a card" }).count()).resolves.toBe(1);
    await Promise.all([voicemail.close(), note.close()]);
  });

  test("a message too long for a mailto link says why and points to Copy", async () => {
    const page = await openTemplate("/templates/reference-packet-email/");
    await page.locator("#rk-field-theirName").fill("Dan");
    await page.getByText("Optional details").click();
    await page.locator("#rk-field-talkingPoints").fill("- a point they can make\n".repeat(40));
    await expect(page.locator('a[data-action="mailto"]').count()).resolves.toBe(0);
    const button = page.getByRole("button", { name: "Open in email app" });
    await expect(button.isDisabled()).resolves.toBe(true);
    await expect(page.locator("#mailto-why").innerText()).resolves.toMatch(/too long .* Use Copy instead/);
    await forget(page);
    await page.close();
  });
});

describe("access", () => {
  test("axe finds no violations with details filled and open", async () => {
    const page = await openTemplate(EMAIL_PAGE);
    await page.locator("#rk-field-theirName").fill("Dan");
    await page.getByText("Optional details").click();
    expect(await axeViolations(page)).toEqual([]);
    await forget(page);
    await page.close();
  });

  test("works at 360 px wide without sideways scrolling", async () => {
    const page = await openTemplate(EMAIL_PAGE);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.locator("#rk-field-theirName").fill("Bartholomew-Fitzgerald Worthington");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await forget(page);
    await page.close();
  });

  test("keyboard alone can fill in a detail and copy the message", async () => {
    const page = await openTemplate(TEXT_PAGE);
    await page.locator("#rk-field-theirName").focus();
    await page.keyboard.type("Sam");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Ana");
    let guard = 0;
    while (guard < 40) {
      await page.keyboard.press("Tab");
      const label = await page.evaluate(() => document.activeElement?.textContent ?? "");
      if (label === "Copy message") break;
      guard += 1;
    }
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("status").innerText()).toBe("Copied the message.");
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toMatch(/Sam/);
    await forget(page);
    await page.close();
  });

  test("with JavaScript off the message shows with [Labels] and no console errors", async () => {
    const noScript = await openBrowserWithoutJavaScript();
    const page = await noScript.context.newPage();
    const problems = await watchPage(page);
    await page.goto(siteUrl(EMAIL_PAGE));
    await expect(body(page)).resolves.toMatch(/^Hi \[Their name\],/);
    await expect(page.locator("noscript").count()).resolves.toBeGreaterThan(0);
    expect(problems.consoleErrors).toEqual([]);
    await page.close();
    await noScript.close();
  });
});
