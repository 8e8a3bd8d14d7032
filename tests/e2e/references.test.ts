import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { addDays, localToday } from "../../src/lib/dates.ts";
import { REFERENCES_KEY } from "../../src/lib/references.ts";
import { axeViolations, openBrowser, siteUrl, watchPage, type BrowserSession } from "./browser.ts";

const PAGE = "/references/";
const today = () => localToday(new Date());

let browser: BrowserSession;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser.close();
});

const ready = (page: Page) => page.waitForSelector(".tracker-form fieldset:not([disabled])");

/**
 * Stores a list as an earlier visit left it, from a page without the tracker, then opens the
 * tracker. Written from the tracker's own page, the list could meet a tracker still holding
 * newer entries from an earlier test, which merges them back in, as it should for another tab.
 */
async function storeThenOpen(page: Page, stored: string): Promise<void> {
  await page.goto(siteUrl("/search/"));
  await page.evaluate(
    ([key, value]) => {
      localStorage.setItem(key, value);
    },
    [REFERENCES_KEY, stored] as const,
  );
  await page.goto(siteUrl(PAGE));
}

async function openTracker(options: { keep?: boolean } = {}): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(siteUrl(PAGE));
  await ready(page);
  if (options.keep !== true) {
    await page.evaluate((key) => {
      localStorage.removeItem(key);
    }, REFERENCES_KEY);
    await page.reload();
    await ready(page);
  }
  return page;
}

const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), REFERENCES_KEY);
/** The stored list without its change times, which say when, not what. */
const storedList = async (page: Page): Promise<unknown> =>
  (JSON.parse((await stored(page)) ?? "{}") as { data?: unknown }).data;
const status = (page: Page) => page.getByRole("status").innerText();
const card = (page: Page, name: string) =>
  page.locator(".reference-card").filter({ has: page.getByRole("heading", { name }) });

async function addReference(page: Page, name: string, relationship = "My manager at Acme"): Promise<void> {
  await page.getByLabel("Their name").fill(name);
  await page.getByLabel(/How you know them/).fill(relationship);
  await page.getByLabel("Best way to reach them").selectOption("text");
  await page.getByRole("button", { name: "Add reference" }).click();
  await expect(status(page)).resolves.toBe(`Added ${name}.`);
}

async function addJob(page: Page, name: string, job: string, date: string): Promise<void> {
  const reference = card(page, name);
  await reference.getByText("Add a job you need them for").click();
  await reference.getByLabel("The job").fill(job);
  await reference.getByLabel("Needed by").fill(date);
  await reference.getByRole("button", { name: "Add job" }).click();
  await expect(status(page)).resolves.toBe(`Added ${job}.`);
}

async function importFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByLabel("Import a file you exported (.json)").setInputFiles({
    name,
    mimeType: "application/json",
    buffer: Buffer.from(text),
  });
}

describe("tracking references", () => {
  test("ticked steps survive a reload, and the next step follows them", async () => {
    const page = await openTracker();
    await addReference(page, "Dan Okafor");
    await addJob(page, "Dan Okafor", "Designer at Acme", addDays(today(), 21));
    const dan = card(page, "Dan Okafor");
    await expect(dan.locator("[data-next]").getAttribute("data-next")).resolves.toBe("asked");
    await dan.getByLabel("Asked").check();
    await dan.getByLabel("Agreed").check();
    await expect(dan.locator("[data-next]").innerText()).resolves.toMatch(
      /^Next: Send the reference packet, by /,
    );

    await page.reload();
    await ready(page);
    const again = card(page, "Dan Okafor");
    await expect(again.getByLabel("Asked").isChecked()).resolves.toBe(true);
    await expect(again.getByLabel("Agreed").isChecked()).resolves.toBe(true);
    await expect(again.getByLabel("Packet sent").isChecked()).resolves.toBe(false);
    await expect(again.locator("legend").first().innerText()).resolves.toMatch(
      /^Designer at Acme, needed by /,
    );

    await again.getByLabel("Agreed").uncheck();
    await expect(again.locator("[data-next]").getAttribute("data-next")).resolves.toBe("agreed");
    await page.close();
  });

  test("a missing name is said next to the field, which gets the focus", async () => {
    const page = await openTracker();
    await page.getByRole("button", { name: "Add reference" }).click();
    const name = page.getByLabel("Their name");
    await expect(page.locator("#ref-name-error").innerText()).resolves.toBe("Enter their name.");
    await expect(name.getAttribute("aria-describedby")).resolves.toBe("ref-name-error");
    await expect(name.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("ref-name");
    await expect(stored(page)).resolves.toBeNull();
    await page.close();
  });

  test("a change in one tab shows in another", async () => {
    const page = await openTracker();
    const other = await openTracker({ keep: true });
    await addReference(page, "Ana");
    await expect.poll(() => other.locator(".reference-card h3").allInnerTexts()).toEqual(["Ana"]);
    await Promise.all([page.close(), other.close()]);
  });

  test("when storage throws, the list still works until the page closes, and says so", async () => {
    const page = await browser.context.newPage();
    await page.addInitScript((key) => {
      localStorage.removeItem(key);
      Storage.prototype.setItem = () => {
        throw new DOMException("full", "QuotaExceededError");
      };
    }, REFERENCES_KEY);
    await page.goto(siteUrl(PAGE));
    await ready(page);
    await page.getByLabel("Their name").fill("Li");
    await page.getByRole("button", { name: "Add reference" }).click();
    await expect(status(page)).resolves.toMatch(/not letting this page save/);
    await expect(page.locator(".reference-card h3").allInnerTexts()).resolves.toEqual(["Li"]);
    await page.close();
  });
});

/** What an earlier version stored after a job needed by `date` had its first four steps ticked. */
function storedWithFarDate(date: string): string {
  const done = { asked: today(), agreed: today(), packetSent: today(), headsUp: today() };
  const reference = {
    id: "ref-dan",
    name: "Dan Okafor",
    relationship: "My manager at Acme",
    channel: "email",
    contact: "",
    requests: [
      { id: "req-far", job: "Designer at Acme", date, done },
      { id: "req-near", job: "Analyst at Globex", date: addDays(today(), 21), done: {} },
    ],
    updated: new Date().toISOString(),
  };
  return JSON.stringify({ v: 1, data: { references: [reference] } });
}

/** Export (.json) works: the file holds the list as stored. */
async function exportedJson(page: Page): Promise<unknown> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export (.json)" }).click(),
  ]);
  return JSON.parse(await readFile(await download.path(), "utf8"));
}

/** Forget works: the list and storage are empty, and the form is still there to start again. */
async function forgetAll(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Forget all my references" }).click();
  await page.getByRole("button", { name: "Yes, forget them all" }).click();
  await expect(status(page)).resolves.toBe("Your references were removed from this device.");
  await expect(page.locator(".reference-card").count()).resolves.toBe(0);
  await expect(stored(page)).resolves.toBeNull();
  await expect(page.locator(".tracker-form fieldset").getAttribute("disabled")).resolves.toBeNull();
}

describe("far dates never break the list", () => {
  test.each(["9999-12-31", "9999-12-30", "9999-09-30", "2200-01-01", "0001-01-01"])(
    "a job needed by %s is refused next to the field, and the list keeps working",
    async (date) => {
      const page = await openTracker();
      const problems = await watchPage(page);
      await addReference(page, "Dan Okafor");
      const dan = card(page, "Dan Okafor");
      await dan.getByText("Add a job you need them for").click();
      await dan.getByLabel("The job").fill("Designer at Acme");
      await dan.getByLabel("Needed by").fill(date);
      await dan.getByRole("button", { name: "Add job" }).click();
      const field = dan.getByLabel("Needed by");
      await expect(field.getAttribute("aria-invalid")).resolves.toBe("true");
      const describedBy = (await field.getAttribute("aria-describedby")) ?? "";
      await expect(page.locator(`#${describedBy.split(" ").at(-1) ?? ""}`).innerText()).resolves.toMatch(
        /^Enter a date from 1900 to 2199\.$/,
      );
      await expect(dan.locator("fieldset.request").count()).resolves.toBe(0);
      // What was typed stays in the field to correct.
      await expect(field.inputValue()).resolves.toBe(date);
      await dan.getByLabel("Needed by").fill(addDays(today(), 21));
      await dan.getByRole("button", { name: "Add job" }).click();
      await expect(status(page)).resolves.toBe("Added Designer at Acme.");
      for (const step of ["Asked", "Agreed", "Packet sent", "Heads-up"]) await dan.getByLabel(step).check();
      await page.reload();
      await ready(page);
      await expect(card(page, "Dan Okafor").locator("[data-next]").getAttribute("data-next")).resolves.toBe(
        "thanked",
      );
      expect(problems.consoleErrors).toEqual([]);
      await page.close();
    },
  );

  test.each(["9999-12-31", "9999-12-30", "9999-09-30"])(
    "a list an earlier version stored with a job needed by %s shows its cards, says what to change, and Export and Forget work",
    async (date) => {
      const page = await browser.context.newPage();
      const problems = await watchPage(page);
      await storeThenOpen(page, storedWithFarDate(date));
      for (const round of ["before a reload", "after it"]) {
        // And again after a reload: nothing about it is remembered as broken.
        await page.reload();
        await ready(page);
        const dan = card(page, "Dan Okafor");
        const requests = dan.locator("fieldset.request");
        await expect(requests.count(), round).resolves.toBe(2);
        await expect(requests.first().getByLabel("Heads-up").isChecked()).resolves.toBe(true);
        await expect(requests.first().locator(".error").innerText()).resolves.toMatch(
          /outside the years 1900 to 2199.*Remove this job and add it again/,
        );
        await expect(requests.last().locator("[data-next]").getAttribute("data-next")).resolves.toBe("asked");
      }
      const before = await stored(page);
      expect(await exportedJson(page)).toMatchObject({
        references: (JSON.parse(before ?? "") as { data: { references: unknown[] } }).data.references,
      });
      await card(page, "Dan Okafor").getByRole("button", { name: "Remove Designer at Acme" }).click();
      await expect(page.locator("fieldset.request").count()).resolves.toBe(1);
      await forgetAll(page);
      await page.reload();
      await ready(page);
      await expect(page.locator(".reference-card").count()).resolves.toBe(0);
      expect(problems.consoleErrors).toEqual([]);
      await page.close();
    },
  );

  test("when a job cannot be shown at all, the rest of the list, Export and Forget still work", async () => {
    const page = await browser.context.newPage();
    // Every date in words fails, as if the browser's Intl were broken: nothing the tracker
    // draws may take the rest of the page down with it.
    await page.addInitScript(() => {
      // format is a getter on the prototype (ECMA-402 §11.3.3), so it is redefined, not set.
      Object.defineProperty(Intl.DateTimeFormat.prototype, "format", {
        get: () => () => {
          throw new RangeError("Intl is broken here");
        },
      });
    });
    await storeThenOpen(page, storedWithFarDate(addDays(today(), 30)));
    await ready(page);
    const dan = card(page, "Dan Okafor");
    await expect(dan.locator("h3").innerText()).resolves.toBe("Dan Okafor");
    await expect(dan.locator("fieldset.request").count()).resolves.toBe(2);
    await expect(dan.locator("fieldset.request .error").first().innerText()).resolves.toMatch(
      /could not be shown/,
    );
    expect(await exportedJson(page)).toMatchObject({ references: [{ id: "ref-dan" }] });
    await addReference(page, "Ana");
    await expect(page.locator(".reference-card h3").allInnerTexts()).resolves.toEqual(["Dan Okafor", "Ana"]);
    await forgetAll(page);
    await page.close();
  });
});

describe("files", () => {
  test("export, forget, import: everything is back", async () => {
    const page = await openTracker();
    await addReference(page, "Dan Okafor");
    await addJob(page, "Dan Okafor", "Designer at Acme", addDays(today(), 21));
    await card(page, "Dan Okafor").getByLabel("Asked").check();
    await addReference(page, "Ana, from Globex", "=Team lead");
    const before = await storedList(page);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export (.json)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`reconnect-kit-references-${today()}.json`);
    const exported = await readFile(await download.path(), "utf8");
    expect(JSON.parse(exported)).toMatchObject({ app: "reconnect-kit", kind: "references", version: 1 });

    await page.getByRole("button", { name: "Forget all my references" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Cancel");
    await page.getByRole("button", { name: "Yes, forget them all" }).click();
    await expect(status(page)).resolves.toBe("Your references were removed from this device.");
    await expect(page.locator(".reference-card").count()).resolves.toBe(0);
    await expect(stored(page)).resolves.toBeNull();

    await importFile(page, download.suggestedFilename(), exported);
    await expect.poll(() => status(page)).toBe("Imported 2 references (2 new).");
    await expect(storedList(page)).resolves.toEqual(before);
    await expect(card(page, "Dan Okafor").getByLabel("Asked").isChecked()).resolves.toBe(true);

    await importFile(page, download.suggestedFilename(), exported);
    await expect.poll(() => status(page)).toBe("Imported 2 references (2 already here).");
    await expect(page.locator(".reference-card").count()).resolves.toBe(2);
    await page.close();
  });

  test.each([
    [
      "corrupt.json",
      '{"app": "reconnect-kit", "references": [',
      "This file is not a Reconnect Kit export (it is not JSON).",
    ],
    [
      "other.json",
      JSON.stringify({ name: "package", version: "1.0.0" }),
      'This file is not a Reconnect Kit export (missing "app": "reconnect-kit").',
    ],
    [
      "nameless.json",
      JSON.stringify({
        app: "reconnect-kit",
        kind: "references",
        version: 1,
        references: [
          { id: "a", name: "Sam", channel: "email" },
          { id: "b", name: "", channel: "email" },
        ],
      }),
      "Reference 2 has no name.",
    ],
    ...["9999-12-31", "9999-09-30", "275760-09-13", "0000-01-01"].map((date) => [
      `needed-by-${date}.json`,
      JSON.stringify({
        app: "reconnect-kit",
        kind: "references",
        version: 1,
        references: [
          {
            id: "a",
            name: "Sam",
            channel: "email",
            requests: [
              {
                id: "q",
                job: "Designer",
                date,
                done: {
                  asked: "2026-06-01",
                  agreed: "2026-06-01",
                  packetSent: "2026-06-02",
                  headsUp: "2026-06-02",
                },
              },
            ],
          },
        ],
      }),
      `Reference 1, request 1 has a date outside the years 1900 to 2199 ("${date}"); change it to the real date.`,
    ]),
  ])("%s is refused, says why, and changes nothing", async (fileName, text, message) => {
    const page = await openTracker();
    await addReference(page, "Dan Okafor");
    const before = await storedList(page);
    await importFile(page, fileName, text);
    await expect.poll(() => status(page)).toBe(`Nothing was imported from ${fileName}.`);
    await expect(page.locator("#tracker-import-error li").allInnerTexts()).resolves.toEqual([message]);
    const input = page.getByLabel("Import a file you exported (.json)");
    await expect(input.getAttribute("aria-describedby")).resolves.toContain("tracker-import-error");
    await expect(input.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(storedList(page)).resolves.toEqual(before);
    await expect(page.locator(".reference-card h3").allInnerTexts()).resolves.toEqual(["Dan Okafor"]);
    await page.close();
  });

  test("the CSV export has a header, one row per job, CRLF ends and no live formulas", async () => {
    const page = await openTracker();
    await addReference(page, "Ana", '=HYPERLINK("http://x")');
    await addJob(page, "Ana", "Analyst, Globex", addDays(today(), 10));
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export for a spreadsheet (.csv)" }).click(),
    ]);
    const csv = await readFile(await download.path(), "utf8");
    expect(csv.startsWith("\uFEFFName,How you know them,Channel,Contact,Job,Needed by,")).toBe(true);
    const rows = csv.slice(1, -2).split("\r\n");
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/^Ana,"'=HYPERLINK\(""http:\/\/x""\)",text,,"Analyst, Globex",\d{4}-\d\d-\d\d,/);
    await page.close();
  });
});

describe("access", () => {
  test("loads cleanly and axe finds nothing, empty and filled in", async () => {
    const page = await browser.context.newPage();
    const problems = await watchPage(page);
    await page.goto(siteUrl(PAGE), { waitUntil: "networkidle" });
    await ready(page);
    await page.evaluate((key) => {
      localStorage.removeItem(key);
    }, REFERENCES_KEY);
    expect(await axeViolations(page)).toEqual([]);
    await addReference(page, "Dan Okafor");
    await addJob(page, "Dan Okafor", "Designer at Acme", addDays(today(), -2));
    await card(page, "Dan Okafor").getByLabel("Asked").check();
    await importFile(page, "bad.json", "[]");
    await page.waitForSelector("#tracker-import-error");
    await page.getByRole("button", { name: "Forget all my references" }).click();
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [], foreignRequests: [] });
    await page.close();
  });

  test("keyboard alone can add a reference and tick a step", async () => {
    const page = await openTracker();
    await page.getByLabel("Their name").focus();
    await page.keyboard.type("Kai");
    await page.keyboard.press("Enter");
    await expect(status(page)).resolves.toBe("Added Kai.");
    await addJob(page, "Kai", "Engineer", addDays(today(), 14));
    await card(page, "Kai").getByLabel("Asked").focus();
    await page.keyboard.press("Space");
    await expect(card(page, "Kai").getByLabel("Asked").isChecked()).resolves.toBe(true);
    await card(page, "Kai").getByRole("button", { name: "Remove Kai" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("tracker-list-heading");
    await page.close();
  });

  test("works at 360 px wide without sideways scrolling", async () => {
    const page = await openTracker();
    await page.setViewportSize({ width: 360, height: 740 });
    await addReference(page, "Bartholomew-Fitzgerald Worthington", "x".repeat(120));
    await addJob(
      page,
      "Bartholomew-Fitzgerald Worthington",
      "Senior principal staff engineer",
      addDays(today(), 9),
    );
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll("body *")]
        .filter((e) => e.checkVisibility() && e.getBoundingClientRect().right > window.innerWidth)
        .map((e) => `${e.tagName}.${e.className} ${e.getBoundingClientRect().right}`),
    );
    expect(wide).toEqual([]);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });

  test("with JavaScript off, the page explains and lists the steps", async () => {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send("Emulation.setScriptExecutionDisabled", { value: true });
    await page.goto(siteUrl(PAGE));
    await expect(page.locator("noscript").first().textContent()).resolves.toMatch(/needs JavaScript/);
    await expect(page.locator(".timeline li").count()).resolves.toBe(7);
    await expect(page.locator(".tracker-form fieldset").getAttribute("disabled")).resolves.not.toBeNull();
    await page.close();
  });
});
