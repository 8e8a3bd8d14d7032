/**
 * What the browser keeps: two tabs typing at once lose nothing, and data this version cannot read
 * is set aside, said, and never replaced by the next edit.
 */
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PROFILE_KEY } from "../../src/lib/profile.ts";
import { REFERENCES_KEY } from "../../src/lib/references.ts";
import { axeViolations, openBrowser, siteUrl, type BrowserSession } from "./browser.ts";

const EMAIL_PAGE = "/templates/ask-for-a-reference-email/";
const TEXT_PAGE = "/templates/thank-you-text/";
const FILLER_READY = ".filler fieldset:not([disabled])";
const PLANNER_READY = ".planner-fields:not([disabled])";
const TRACKER_READY = ".tracker-form fieldset:not([disabled])";

/** Written by a version of the site that does not exist yet. */
const NEWER_PROFILE = JSON.stringify({ v: 99, data: { yourName: "From the future", pronouns: ["they"] } });
/** A profile cut off mid-write (a crash, a full disk, an extension). */
const TRUNCATED_PROFILE = '{"v":1,"data":{"yourName":"Sam Rivera","theirName":"Da';
const TRUNCATED_TRACKER = '{"v":1,"data":{"references":[{"id":"a1","name":"Dan Okafor","relat';

let browser: BrowserSession;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function open(path: string, ready: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(siteUrl(path));
  await page.waitForSelector(ready);
  return page;
}

/** Empties this origin's storage, then stores `items` and reloads, as a next visit would see it. */
async function startWith(page: Page, ready: string, items: Record<string, string> = {}): Promise<void> {
  await page.evaluate((entries) => {
    localStorage.clear();
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
  }, items);
  await page.reload();
  await page.waitForSelector(ready);
}

/** Every localStorage key and value of the page's origin. */
const storage = (page: Page): Promise<Record<string, string>> =>
  page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));

/** The keys (other than `key` itself) that hold exactly `text`. */
async function copiesOf(page: Page, key: string, text: string): Promise<string[]> {
  const items = await storage(page);
  return Object.keys(items).filter((k) => k !== key && items[k] === text);
}

async function storedProfile(page: Page): Promise<unknown> {
  const text = (await storage(page))[PROFILE_KEY];
  return text === undefined ? undefined : (JSON.parse(text) as { data: unknown }).data;
}

/**
 * The details a template shows, from what is stored: your own from the profile and, for the
 * person written to (people.ts), their name from the tracker's list.
 */
async function storedDetails(page: Page): Promise<Record<string, string>> {
  const stored = await storage(page);
  const read = (key: string): unknown => {
    const text = stored[key];
    return text === undefined ? undefined : (JSON.parse(text) as { data: unknown }).data;
  };
  const { writingTo, ...own } = (read(PROFILE_KEY) ?? {}) as Record<string, string>;
  const people = (
    (read(REFERENCES_KEY) ?? { references: [] }) as { references: { id: string; name: string }[] }
  ).references;
  const person = people.find((p) => p.id === writingTo);
  return person === undefined ? own : { ...own, theirName: person.name };
}

describe("two tabs at once", () => {
  // Each trial types into one field in each tab at the same time, as fast as the browser takes
  // keys. Before per-field merges, every write replaced the whole profile and one tab's
  // characters were lost in every trial.
  const trials: [string, string, string, string, string][] = [
    ["two template pages", EMAIL_PAGE, FILLER_READY, "#rk-field-theirName", "Alexandra Quintero-Baptiste"],
    ["two template pages, again", TEXT_PAGE, FILLER_READY, "#rk-field-theirName", "Dan Okafor of Globex"],
    [
      "two template pages, a third time",
      EMAIL_PAGE,
      FILLER_READY,
      "#rk-field-theirName",
      "Wen Li, 2019-2022",
    ],
    ["the planner and a template page", "/plan/", PLANNER_READY, "#plan-their-name", "Priya Ramanathan"],
    ["the planner and a template page, again", "/plan/", PLANNER_READY, "#plan-their-name", "Jo Smith-Jones"],
  ];

  test.each(trials)(
    "%s typing into different fields lose no characters",
    async (_name, path, ready, field, theirName) => {
      const yourName = `Maya Patel-Okonkwo (${theirName.length})`;
      const first = await open(path, ready);
      await startWith(first, ready);
      const second = await open(TEXT_PAGE, FILLER_READY);

      await Promise.all([
        first.locator(field).pressSequentially(theirName),
        second.locator("#rk-field-yourName").pressSequentially(yourName),
      ]);
      // Leaving the name field makes them the person written to (people.ts).
      await first.locator(field).press("Tab");

      // Tabs hear each other's writes a moment later, more so on a busy machine.
      const settled = { timeout: 10_000 };
      const both = { theirName, yourName };
      await expect.poll(() => storedDetails(first), settled).toEqual(both);
      await expect.poll(() => first.locator(field).inputValue(), settled).toBe(theirName);
      await expect.poll(() => second.locator("#rk-field-theirName").inputValue(), settled).toBe(theirName);
      await expect.poll(() => second.locator("#rk-field-yourName").inputValue(), settled).toBe(yourName);
      await second.reload();
      await second.waitForSelector(FILLER_READY);
      await expect(second.locator("#rk-field-theirName").inputValue()).resolves.toBe(theirName);
      await expect(second.locator("#rk-field-yourName").inputValue()).resolves.toBe(yourName);
      await Promise.all([first.close(), second.close()]);
    },
  );
});

describe("data this page cannot read", () => {
  const unreadable: [string, string, RegExp][] = [
    ["a profile from a newer version", NEWER_PROFILE, /newer version of this site/],
    ["a truncated profile", TRUNCATED_PROFILE, /could not be read/],
  ];

  test.each(unreadable)("%s is kept aside, said, and outlives the first edit", async (_name, text, said) => {
    const page = await open(EMAIL_PAGE, FILLER_READY);
    await startWith(page, FILLER_READY, { [PROFILE_KEY]: text });
    const notice = page.getByRole("alert");
    await expect(notice.innerText()).resolves.toMatch(said);
    await expect(notice.innerText()).resolves.toMatch(/kept apart/);
    await expect(copiesOf(page, PROFILE_KEY, text)).resolves.toHaveLength(1);
    await expect(page.locator("#rk-field-yourName").inputValue()).resolves.toBe("");

    await page.locator("#rk-field-theirName").pressSequentially("Dan");
    await page.locator("#rk-field-theirName").press("Tab");
    await expect.poll(() => storedDetails(page)).toEqual({ theirName: "Dan" });
    await expect(copiesOf(page, PROFILE_KEY, text)).resolves.toHaveLength(1);

    // Still there, and still said, on the next visit.
    await page.reload();
    await page.waitForSelector(FILLER_READY);
    await expect(page.getByRole("alert").innerText()).resolves.toMatch(said);
    await expect(page.locator("#rk-field-theirName").inputValue()).resolves.toBe("Dan");
    await expect(copiesOf(page, PROFILE_KEY, text)).resolves.toHaveLength(1);
    await expect(axeViolations(page, ".filler")).resolves.toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download the kept copy" }).click(),
    ]);
    await expect(readFile(await download.path(), "utf8")).resolves.toBe(text);

    // Deleting it takes the person's say-so: dismissing the question keeps it.
    page.once("dialog", (dialog) => void dialog.dismiss());
    await page.getByRole("button", { name: "Delete the kept copy" }).click();
    await expect(copiesOf(page, PROFILE_KEY, text)).resolves.toHaveLength(1);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Delete the kept copy" }).click();
    await expect.poll(() => copiesOf(page, PROFILE_KEY, text)).toHaveLength(0);
    await expect(page.getByRole("alert").count()).resolves.toBe(0);
    await expect(page.getByRole("status").innerText()).resolves.toBe("The kept copy was deleted.");
    await expect(storedDetails(page)).resolves.toEqual({ theirName: "Dan" });
    await page.close();
  });

  test("a truncated reference list is kept aside and said, and adding a reference keeps it", async () => {
    const page = await open("/references/", TRACKER_READY);
    await startWith(page, TRACKER_READY, { [REFERENCES_KEY]: TRUNCATED_TRACKER });
    await expect(page.getByRole("alert").innerText()).resolves.toMatch(/could not be read/);
    await expect(copiesOf(page, REFERENCES_KEY, TRUNCATED_TRACKER)).resolves.toHaveLength(1);
    await page.getByLabel("Their name").fill("Ana");
    await page.getByRole("button", { name: "Add reference" }).click();
    await expect(page.locator(".reference-card h3").allInnerTexts()).resolves.toEqual(["Ana"]);
    await expect(copiesOf(page, REFERENCES_KEY, TRUNCATED_TRACKER)).resolves.toHaveLength(1);
    await page.close();
  });

  test("the planner says so too", async () => {
    const page = await open("/plan/", PLANNER_READY);
    await startWith(page, PLANNER_READY, { [PROFILE_KEY]: NEWER_PROFILE });
    await expect(page.getByRole("alert").innerText()).resolves.toMatch(/newer version of this site/);
    await page.getByLabel("Their name").fill("Dan");
    await page.getByLabel("Their name").press("Tab");
    await expect.poll(() => storedDetails(page)).toEqual({ theirName: "Dan" });
    await expect(copiesOf(page, PROFILE_KEY, NEWER_PROFILE)).resolves.toHaveLength(1);
    await page.close();
  });

  test("the widget says so too, and can copy the kept copy", async () => {
    await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: new URL(siteUrl()).origin,
    });
    const page = await open("/embed/", "reconnect-template [data-part=body]");
    await startWith(page, "reconnect-template [data-part=body]", { [PROFILE_KEY]: TRUNCATED_PROFILE });
    const widget = page.locator(".preview reconnect-template");
    await expect(widget.getByRole("alert").innerText()).resolves.toMatch(/could not be read/);
    await widget.getByRole("button", { name: "Copy the kept copy" }).click();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(TRUNCATED_PROFILE);
    await widget.getByLabel("Their name").fill("Dan");
    await expect.poll(() => storedProfile(page)).toEqual({ theirName: "Dan" });
    await expect(copiesOf(page, PROFILE_KEY, TRUNCATED_PROFILE)).resolves.toHaveLength(1);
    await page.close();
  });
});

describe("when storage fails", () => {
  test("a full or blocked storage keeps what is on screen and says details will not be kept", async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      localStorage.clear();
      Storage.prototype.setItem = () => {
        throw new DOMException("full", "QuotaExceededError");
      };
    });
    await page.goto(siteUrl(EMAIL_PAGE));
    await page.waitForSelector(FILLER_READY);
    await page.locator("#rk-field-theirName").pressSequentially("Dan");
    await expect(page.locator('[data-message-part="body"]').innerText()).resolves.toMatch(/^Hi Dan,/);
    await expect(page.locator("#rk-field-theirName").inputValue()).resolves.toBe("Dan");
    await expect(page.getByRole("status").innerText()).resolves.toMatch(/will be kept until you leave/);
    await page.close();
  });
});
