/**
 * People, not one profile: a template page writes to one person of several, each keeping their
 * own details; the tracker links each person's next step to its message, filled for them; Mark
 * as sent ticks the step; Remove and Forget offer Undo.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseMailto } from "../../src/lib/links.ts";
import { PROFILE_KEY } from "../../src/lib/profile.ts";
import { REFERENCES_KEY } from "../../src/lib/references.ts";
import { axeViolations, openBrowser, siteUrl, type BrowserSession } from "./browser.ts";

const EMAIL_PAGE = "/templates/ask-for-a-reference-email/";
const TEXT_PAGE = "/templates/thank-you-text/";
const FILLER_READY = ".filler fieldset:not([disabled])";
const TRACKER_READY = ".tracker-form fieldset:not([disabled])";

let browser: BrowserSession;
beforeAll(async () => {
  browser = await openBrowser({ viewport: { width: 360, height: 740 } });
});
afterAll(async () => {
  await browser.close();
});

async function open(path: string, ready = FILLER_READY): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(siteUrl(path));
  await page.waitForSelector(ready);
  return page;
}

/** A page with nothing stored: every test starts from a new visitor. */
async function fresh(path: string, ready = FILLER_READY): Promise<Page> {
  const page = await open(path, ready);
  await page.evaluate(() => {
    localStorage.clear();
  });
  await page.reload();
  await page.waitForSelector(ready);
  return page;
}

const body = (page: Page) => page.locator('[data-message-part="body"]').innerText();
const writingTo = (page: Page) => page.getByLabel("Writing to");

async function typeDetails(page: Page, details: Record<string, string>): Promise<void> {
  for (const [field, value] of Object.entries(details)) {
    const input = page.locator(`#rk-field-${field}`);
    // Optional details sit in a disclosure; open it for the field.
    if (!(await input.isVisible())) await page.locator(".optional-fields summary").click();
    await input.fill(value);
    await input.press("Tab");
  }
}

describe("writing to two people in turn", () => {
  test("both stay intact, and the links go to the chosen person's address and number", async () => {
    const page = await fresh(EMAIL_PAGE);
    await page.locator("#rk-field-yourName").fill("Maya Patel");
    await typeDetails(page, { theirName: "Dan", theirEmail: "dan@example.com" });
    await expect(writingTo(page).locator("option:checked").innerText()).resolves.toBe("Dan");

    await writingTo(page).selectOption({ label: "Someone new" });
    await expect(page.locator("#rk-field-theirName").inputValue()).resolves.toBe("");
    await expect(page.locator("#rk-field-yourName").inputValue()).resolves.toBe("Maya Patel");
    await typeDetails(page, { theirName: "Ana", theirEmail: "ana@example.org" });

    const mailtoTo = async () =>
      parseMailto((await page.locator('a[data-action="mailto"]').getAttribute("href")) ?? "").to;
    await expect.poll(mailtoTo).toBe("ana@example.org");
    await expect(body(page)).resolves.toMatch(/^Hi Ana,/);

    await writingTo(page).selectOption({ label: "Dan" });
    await expect(page.locator("#rk-field-theirName").inputValue()).resolves.toBe("Dan");
    await expect.poll(mailtoTo).toBe("dan@example.com");
    await expect(body(page)).resolves.toMatch(/^Hi Dan,/);
    await expect(page.locator("#rk-field-yourName").inputValue()).resolves.toBe("Maya Patel");

    // Another page, after a reload: the same people, the same one chosen.
    const text = await open(TEXT_PAGE);
    await expect(writingTo(text).locator("option").allInnerTexts()).resolves.toEqual([
      "Someone new",
      "Dan",
      "Ana",
    ]);
    await expect(text.locator("#rk-field-theirName").inputValue()).resolves.toBe("Dan");
    await writingTo(text).selectOption({ label: "Ana" });
    await typeDetails(text, { theirPhone: "+1 (555) 010-2000" });
    await expect
      .poll(() => text.locator('a[data-action="sms"]').getAttribute("href"))
      .toMatch(/^sms:\+15550102000\?/);
    await writingTo(text).selectOption({ label: "Dan" });
    await expect.poll(() => text.locator('a[data-action="sms"]').getAttribute("href")).toMatch(/^sms:\?/);
    await expect(axeViolations(text, ".filler")).resolves.toEqual([]);
    await Promise.all([page.close(), text.close()]);
  });

  test("the picker is in a phone's first screen, above the first field", async () => {
    const page = await open(EMAIL_PAGE);
    const picker = await writingTo(page).boundingBox();
    const first = await page.locator(".filler-form input, .filler-form textarea").first().boundingBox();
    expect(picker?.y).toBeLessThan(first?.y ?? 0);
    expect((picker?.y ?? 1e9) + (picker?.height ?? 0)).toBeLessThanOrEqual(740);
    await page.close();
  });
});

describe("data the previous version stored", () => {
  test("migrates on the first visit: every person and step is there, the one Their name the newest person", async () => {
    const page = await fresh(EMAIL_PAGE);
    // Exactly as the previous version wrote them: a profile with one Their name, and a tracker
    // list whose people have no details.
    await page.evaluate(
      ([profileKey, referencesKey]) => {
        localStorage.setItem(
          profileKey,
          JSON.stringify({ v: 1, data: { yourName: "Maya", theirName: "Ana", workplace: "Acme" }, t: {} }),
        );
        const dan = {
          id: "d1",
          name: "Dan Okafor",
          relationship: "my manager at Globex",
          channel: "email",
          contact: "dan@example.com",
          requests: [],
          updated: "2026-10-01T09:00:00.000Z",
        };
        const job = {
          id: "q1",
          job: "Analyst at Initech",
          date: "2026-12-20",
          done: { asked: "2026-11-20" },
        };
        localStorage.setItem(
          referencesKey,
          JSON.stringify({ v: 1, data: { references: [{ ...dan, requests: [job] }] } }),
        );
      },
      [PROFILE_KEY, REFERENCES_KEY] as const,
    );
    await page.reload();
    await page.waitForSelector(FILLER_READY);
    await expect(writingTo(page).locator("option").allInnerTexts()).resolves.toEqual([
      "Someone new",
      "Dan Okafor",
      "Ana",
    ]);
    await expect(writingTo(page).locator("option:checked").innerText()).resolves.toBe("Ana");
    await expect(body(page)).resolves.toMatch(/^Hi Ana,/);
    await expect(page.locator("#rk-field-yourName").inputValue()).resolves.toBe("Maya");
    await writingTo(page).selectOption({ label: "Dan Okafor" });
    await expect(body(page)).resolves.toMatch(/^Hi Dan Okafor,/);

    await page.goto(siteUrl("/references/"));
    await page.waitForSelector(TRACKER_READY);
    await expect(page.locator(".reference-card h3").allInnerTexts()).resolves.toEqual(["Dan Okafor", "Ana"]);
    await expect(page.getByLabel("Asked").isChecked()).resolves.toBe(true);
    await page.close();
  });
});

describe("the tracker is the hub", () => {
  test("a person's next step links its message, filled for them; Mark as sent ticks it, and Undo unticks it", async () => {
    const tracker = await fresh("/references/", TRACKER_READY);
    await tracker.getByLabel("Their name").fill("Wen Li");
    await tracker.getByLabel("Their email, number or profile").fill("wen@example.com");
    await tracker.getByRole("button", { name: "Add reference" }).click();
    await tracker.getByText("Add a job you need them for").click();
    await tracker.getByLabel("The job").fill("Analyst at Globex");
    const soon = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    await tracker.getByLabel("Needed by").fill(soon);
    await tracker.getByRole("button", { name: "Add job" }).click();

    const write = tracker.locator("a.next-message");
    await expect(write.innerText()).resolves.toMatch(/^Write it: /);
    await write.click();
    await tracker.waitForSelector(FILLER_READY);
    expect(new URL(tracker.url()).search).toBe("");
    await expect(tracker.locator("#rk-field-theirName").inputValue()).resolves.toBe("Wen Li");
    await expect
      .poll(
        async () =>
          parseMailto((await tracker.locator('a[data-action="mailto"]').getAttribute("href")) ?? "").to,
      )
      .toBe("wen@example.com");

    await tracker.getByRole("button", { name: "Mark as sent" }).click();
    await expect
      .poll(() => tracker.getByRole("status").innerText())
      .toBe("Ticked “Asked” for Wen Li in your references.");
    await tracker.getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => tracker.getByRole("status").innerText()).toBe("Undone.");
    await tracker.getByRole("button", { name: "Mark as sent" }).click();
    // What the person sees before they leave: the tick is saved once this line says so.
    await expect
      .poll(() => tracker.getByRole("status").innerText())
      .toBe("Ticked “Asked” for Wen Li in your references.");

    await tracker.goto(siteUrl("/references/"));
    await tracker.waitForSelector(TRACKER_READY);
    await expect(tracker.getByLabel("Asked").isChecked()).resolves.toBe(true);
    await expect(tracker.locator("[data-next]").getAttribute("data-next")).resolves.toBe("agreed");
    await tracker.close();
  });

  test("Remove and Forget act at once and offer Undo, which puts everything back", async () => {
    const page = await fresh("/references/", TRACKER_READY);
    for (const name of ["Dan", "Ana"]) {
      await page.getByLabel("Their name").fill(name);
      await page.getByRole("button", { name: "Add reference" }).click();
    }
    const names = () => page.locator(".reference-card h3").allInnerTexts();
    await page.getByRole("button", { name: "Remove Dan" }).click();
    await expect(names()).resolves.toEqual(["Ana"]);
    await page.getByRole("button", { name: "Undo" }).click();
    await expect.poll(names).toEqual(["Ana", "Dan"]);

    await page.getByRole("button", { name: "Forget all my references" }).click();
    await page.getByRole("button", { name: "Yes, forget them all" }).click();
    await expect.poll(names).toEqual([]);
    await page.getByRole("button", { name: "Undo" }).click();
    await expect.poll(names).toEqual(["Ana", "Dan"]);
    await page.reload();
    await page.waitForSelector(TRACKER_READY);
    await expect(names()).resolves.toEqual(["Ana", "Dan"]);

    const template = await open(EMAIL_PAGE);
    await template.locator("#rk-field-yourName").fill("Maya");
    await template.getByRole("button", { name: "Forget my details" }).click();
    await expect(template.locator("#rk-field-yourName").inputValue()).resolves.toBe("");
    await template.getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => template.locator("#rk-field-yourName").inputValue()).toBe("Maya");
    await Promise.all([page.close(), template.close()]);
  });
});
