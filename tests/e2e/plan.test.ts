import { readFile } from "node:fs/promises";
import ICAL from "ical.js";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { addDays, firstBusinessDay, localToday } from "../../src/lib/dates.ts";
import { axeViolations, openBrowser, siteUrl, watchPage, type BrowserSession } from "./browser.ts";

const PLAN = "/plan/";
// The browser runs on this machine's clock and time zone, so its "today" is ours.
const today = () => localToday(new Date());

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

async function openPlanner(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(siteUrl(PLAN));
  await page.waitForSelector(".planner-fields:not([disabled])");
  // Start from an empty profile, as a first visit would.
  await page.evaluate(() => {
    localStorage.clear();
  });
  await page.reload();
  await page.waitForSelector(".planner-fields:not([disabled])");
  return page;
}

async function referencePlan(page: Page, name: string, neededBy: string, channel: string): Promise<void> {
  await page.getByLabel("Their name").fill(name);
  await page.getByLabel("Need a reference", { exact: true }).check();
  await page.getByLabel("Needed by", { exact: true }).fill(neededBy);
  await page.getByRole("radio", { name: channel }).check();
}

const stepTitles = (page: Page) => page.locator(".plan-steps h3").allInnerTexts();
const stepDates = (page: Page) =>
  page.locator(".plan-steps time").evaluateAll((times) => times.map((t) => t.getAttribute("datetime") ?? ""));

describe("making a plan", () => {
  test("a reference plan has seven dated steps, each linking the template for the channel", async () => {
    const page = await openPlanner();
    await referencePlan(page, "Dan", addDays(today(), 21), "Text message");
    await expect(stepTitles(page)).resolves.toEqual([
      "Reconnect with Dan and ask for the reference",
      "Follow up with Dan if there is no reply",
      "Send Dan the reference packet",
      "Give Dan a heads-up",
      "Thank Dan",
      "Tell Dan how it turned out",
      "Check in with Dan",
    ]);
    const dates = await stepDates(page);
    // Every step is on a business day: planned at a weekend, the plan starts on Monday.
    expect(dates[0]).toBe(firstBusinessDay(today()));
    expect([...dates].sort()).toEqual(dates);
    const hrefs = await page
      .locator(".plan-steps a:not(.plan-add a)")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs[0]).toBe("/templates/ask-for-a-reference-text-urgent/");
    expect(hrefs[2]).toBe("/templates/reference-packet-email/");
    expect(hrefs[6]).toBe("/templates/quarterly-check-in-text/");
    await expect(page.locator(".plan-when").first().innerText()).resolves.toMatch(/\d{4}$/);
    await expect(page.locator(".plan-when").last().innerText()).resolves.toMatch(
      /^Every 3 months from .+, four times, until .+\d{4}$/,
    );
    await expect(page.locator(".plan-warning").count()).resolves.toBe(0);
    await page.close();
  });

  test("the template it links to opens already filled in from the same details", async () => {
    const page = await openPlanner();
    await referencePlan(page, "Priya", addDays(today(), 21), "Text message");
    await page.locator(".plan-steps a").first().click();
    await page.waitForSelector(".filler fieldset:not([disabled])");
    await expect(page.locator("#rk-field-theirName").inputValue()).resolves.toBe("Priya");
    await expect(page.locator('[data-message-part="body"]').innerText()).resolves.toMatch(/^Hi Priya,/);
    await page.close();
  });

  test.each([
    ["tomorrow", 1, "", "soon", /needed tomorrow, less than a week away/],
    ["in 10 days for a letter", 10, "a written letter", "letter", /A written letter takes two weeks or more/],
    ["in the past", -3, "", "past", /That date has passed/],
  ])("a date %s shows a warning", async (_name, days, kind, id, text) => {
    const page = await openPlanner();
    await referencePlan(page, "Dan", addDays(today(), days), "Email");
    if (kind !== "") await page.getByLabel("Kind of reference").selectOption(kind);
    const warning = page.locator(`.plan-warning[data-warning="${id}"]`);
    await expect(warning.innerText()).resolves.toMatch(text);
    await page.close();
  });

  test("a casual plan has the first message, a follow-up, a meeting and the check-in", async () => {
    const page = await openPlanner();
    await page.getByLabel("Their name").fill("Sam");
    await page.getByRole("radio", { name: "LinkedIn" }).check();
    await expect(stepTitles(page)).resolves.toEqual([
      "Reach out to Sam",
      "Follow up with Sam",
      "Suggest meeting up with Sam",
      "Check in with Sam",
    ]);
    const hrefs = await page
      .locator(".plan-steps a:not(.plan-add a)")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs[0]).toBe("/templates/connect-invitation-linkedin-note/");
    await page.close();
  });

  test("a reference without a date says what is missing, tied to the field", async () => {
    const page = await openPlanner();
    await page.getByLabel("Need a reference", { exact: true }).check();
    const input = page.getByLabel("Needed by", { exact: true });
    await expect(input.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(input.getAttribute("aria-describedby")).resolves.toContain("plan-needed-by-error");
    await expect(page.locator("#plan-needed-by-error").innerText()).resolves.toMatch(/Enter the date/);
    await expect(page.locator(".plan-steps").count()).resolves.toBe(0);
    await page.close();
  });
});

describe("far dates never break the planner", () => {
  const fieldset = (page: Page) => page.locator(".planner-fields");

  test.each(["9999-12-31", "9999-12-30", "9999-09-30", "2200-01-01", "0001-01-01"])(
    "needed by %s is refused next to the field, and again after a reload",
    async (date) => {
      const page = await openPlanner();
      const problems = await watchPage(page);
      await referencePlan(page, "Dan", date, "Email");
      for (const round of ["before a reload", "after it"]) {
        const input = page.getByLabel("Needed by", { exact: true });
        await expect(input.getAttribute("aria-invalid")).resolves.toBe("true");
        await expect(page.locator("#plan-needed-by-error").innerText(), round).resolves.toBe(
          "Enter a date from 1900 to 2199.",
        );
        await expect(page.locator(".plan-steps").count()).resolves.toBe(0);
        await expect(fieldset(page).getAttribute("disabled")).resolves.toBeNull();
        await expect(input.inputValue()).resolves.toBe(date);
        // The date is in the saved profile: the reload opens on it, and must not break.
        await page.reload();
        await page.waitForSelector(".planner-fields:not([disabled])");
      }
      await page.getByLabel("Needed by", { exact: true }).fill(addDays(today(), 21));
      await expect(page.locator(".plan-steps li").count()).resolves.toBe(7);
      expect(problems.consoleErrors).toEqual([]);
      await page.close();
    },
  );

  test("the last day in range makes a whole plan, every date shown", async () => {
    const page = await openPlanner();
    await referencePlan(page, "Dan", "2199-12-31", "Email");
    await expect(page.locator(".plan-steps li").count()).resolves.toBe(7);
    const dates = await stepDates(page);
    expect(dates.every((d) => /^\d{4}-\d\d-\d\d$/.test(d))).toBe(true);
    await expect(page.locator(".plan-when").last().innerText()).resolves.toMatch(/until .+ 2201$/);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /Download for your calendar/ }).click(),
    ]);
    const ics = await readFile(await download.path(), "utf8");
    const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.startDate.toString())).toEqual(dates);
    await page.close();
  });

  test("when the plan cannot be shown, it says so and the form still works", async () => {
    const page = await browser.context.newPage();
    // Every date in words fails, as if the browser's Intl were broken.
    await page.addInitScript(() => {
      // format is a getter on the prototype (ECMA-402 §11.3.3), so it is redefined, not set.
      Object.defineProperty(Intl.DateTimeFormat.prototype, "format", {
        get: () => () => {
          throw new RangeError("Intl is broken here");
        },
      });
    });
    await page.goto(siteUrl(PLAN));
    await page.waitForSelector(".planner-fields:not([disabled])");
    await page.getByLabel("Their name").fill("Dan");
    await expect(page.locator(".plan-output .error").innerText()).resolves.toMatch(/could not be shown/);
    await page.getByLabel("Need a reference", { exact: true }).check();
    await page.getByLabel("Needed by", { exact: true }).fill(addDays(today(), 21));
    await expect(page.locator(".plan-output .error").innerText()).resolves.toMatch(/could not be shown/);
    await expect(page.getByLabel("Their name").inputValue()).resolves.toBe("Dan");
    await expect(fieldset(page).getAttribute("disabled")).resolves.toBeNull();
    await page.close();
  });
});

describe("keeping the plan", () => {
  test("the .ics download parses, with one event per step, its dates, reminders and the repeat", async () => {
    const page = await openPlanner();
    await referencePlan(page, "Zoë, Ana; O'Brien", addDays(today(), 21), "Email");
    const titles = await stepTitles(page);
    const dates = await stepDates(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /Download for your calendar/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("reconnect-plan-zoe-ana-o-brien.ics");
    const ics = await readFile(await download.path(), "utf8");
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual(titles);
    expect(events.map((e) => e.startDate.toString())).toEqual(dates);
    for (const event of events) {
      expect(event.startDate.isDate).toBe(true);
      expect(event.component.getFirstSubcomponent("valarm")?.getFirstPropertyValue("action")).toBe("DISPLAY");
      expect(event.description).toMatch(/Template: http:\/\/127\.0\.0\.1:\d+\/templates\/[a-z-]+\/$/);
    }
    expect(events.map((e) => e.isRecurring())).toEqual([false, false, false, false, false, false, true]);
    await expect(page.getByRole("status").innerText()).resolves.toMatch(
      /^Saved reconnect-plan-zoe-ana-o-brien\.ics/,
    );
    await page.close();
  });

  test("each step can go straight into Google Calendar or Outlook, on its own date", async () => {
    const page = await openPlanner();
    await referencePlan(page, "Sarah", addDays(today(), 21), "Email");
    const steps = page.locator(".plan-steps > li");
    const count = await steps.count();
    expect(count).toBeGreaterThan(3);
    for (let i = 0; i < count; i += 1) {
      const step = steps.nth(i);
      const date = (await step.locator("time").getAttribute("datetime")) ?? "";
      const google = new URL(
        (await step.getByRole("link", { name: "Google Calendar" }).getAttribute("href")) ?? "",
      );
      expect(google.searchParams.get("dates")?.slice(0, 8)).toBe(date.replaceAll("-", ""));
      expect(google.searchParams.get("text")).toBe(await step.locator("h3").innerText());
      const outlook = new URL(
        (await step.getByRole("link", { name: "Outlook.com" }).getAttribute("href")) ?? "",
      );
      expect(outlook.searchParams.get("startdt")).toBe(date);
    }
    await expect(page.getByText(/Google Calendar drops them when it imports a file/).count()).resolves.toBe(
      1,
    );
    await page.close();
  });

  test("copy puts the plan on the clipboard as a checklist", async () => {
    const page = await openPlanner();
    await referencePlan(page, "Dan", addDays(today(), 21), "Email");
    await page.getByRole("button", { name: "Copy as a checklist" }).click();
    await expect(page.getByRole("status").innerText()).resolves.toBe("Copied the plan as a checklist.");
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text.split("\n")[0]).toMatch(/^Ask Dan for a reference by /);
    expect(text.match(/^\[ \] /gm)).toHaveLength(7);
    expect(text).toContain("/templates/ask-for-a-reference-email/");
    await page.close();
  });

  test("printing shows the plan without the form", async () => {
    const page = await openPlanner();
    await referencePlan(page, "Dan", addDays(today(), 21), "Email");
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".planner-form").isVisible()).resolves.toBe(false);
    await expect(page.locator(".plan-steps").isVisible()).resolves.toBe(true);
    await expect(page.locator(".plan-advice").first().isVisible()).resolves.toBe(false);
    await page.close();
  });
});

describe("access", () => {
  test("loads with no console error, CSP violation or foreign request, and axe finds nothing", async () => {
    const page = await browser.context.newPage();
    const problems = await watchPage(page);
    await page.goto(siteUrl(PLAN), { waitUntil: "networkidle" });
    await page.waitForSelector(".planner-fields:not([disabled])");
    expect(await axeViolations(page)).toEqual([]);
    await referencePlan(page, "Dan", addDays(today(), 3), "Phone call");
    await page.getByLabel("Kind of reference").selectOption("a written letter");
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [], foreignRequests: [] });
    await page.close();
  });

  test("keyboard alone can make a plan and download it", async () => {
    const page = await openPlanner();
    await page.getByLabel("Their name").focus();
    await page.keyboard.type("Ana");
    await page.keyboard.press("Tab"); // to the situation radios
    await page.keyboard.press("ArrowDown"); // "Need a reference"
    await page.keyboard.press("Tab");
    // A date field takes its parts in the browser's order: month first in the US.
    const [year, month, day] = addDays(today(), 30).split("-");
    const usOrder = await page.evaluate(() => navigator.language === "en-US");
    await page.keyboard.type(usOrder ? `${month}${day}${year}` : `${day}${month}${year}`);
    await expect(page.locator(".plan-steps li").count()).resolves.toBe(7);
    let guard = 0;
    // Past each step's template link and its three calendar links.
    while (guard < 60) {
      await page.keyboard.press("Tab");
      const label = await page.evaluate(() => document.activeElement?.textContent ?? "");
      if (label.startsWith("Download for your calendar")) break;
      guard += 1;
    }
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(download.suggestedFilename()).toBe("reconnect-plan-ana.ics");
    await page.close();
  });

  test("works at 360 px wide without sideways scrolling", async () => {
    const page = await openPlanner();
    await page.setViewportSize({ width: 360, height: 740 });
    await referencePlan(page, "Bartholomew-Fitzgerald Worthington", addDays(today(), 5), "LinkedIn");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });

  test("with JavaScript off, the page explains and still shows both timelines", async () => {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send("Emulation.setScriptExecutionDisabled", { value: true });
    await page.goto(siteUrl(PLAN));
    await expect(page.locator("noscript").first().textContent()).resolves.toMatch(/needs JavaScript/);
    await expect(page.locator(".timeline").count()).resolves.toBe(2);
    await expect(page.locator(".timeline").first().locator("li").count()).resolves.toBe(7);
    await expect(page.locator("[data-pagefind-body] h1").innerText()).resolves.toBe("Plan your reconnect");
    await expect(page.locator(".planner-fields").getAttribute("disabled")).resolves.not.toBeNull();
    await page.close();
  });
});
