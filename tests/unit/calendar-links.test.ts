import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  googleCalendarLink,
  outlookCalendarLink,
  stepEvent,
  type LinkableEvent,
} from "../../src/lib/calendar-links.ts";

const thank: LinkableEvent = {
  date: "2026-12-31",
  summary: "Thank Sarah",
  description: "Send the thank-you text.\n\nTemplate: https://example.com/templates/thank-you-text/",
};
const checkIn: LinkableEvent = {
  date: "2027-03-01",
  summary: "Check in with Sarah",
  rrule: "FREQ=MONTHLY;INTERVAL=3;COUNT=4",
  repeatsInWords: "Repeats every 3 months, 4 times.",
};

describe("Google Calendar link", () => {
  test.each([
    ["an all-day event ends the next day, across a year end", thank, "20261231/20270101"],
    ["an all-day event in February", { ...checkIn, date: "2028-02-28" }, "20280228/20280229"],
  ])("%s", (_name, event, dates) => {
    const url = new URL(googleCalendarLink(event));
    expect(url.origin + url.pathname).toBe("https://calendar.google.com/calendar/render");
    expect(url.searchParams.get("action")).toBe("TEMPLATE");
    expect(url.searchParams.get("dates")).toBe(dates);
  });

  test("the repeat rule travels as recur=RRULE:...", () => {
    expect(new URL(googleCalendarLink(checkIn)).searchParams.get("recur")).toBe(
      "RRULE:FREQ=MONTHLY;INTERVAL=3;COUNT=4",
    );
  });

  test("no empty parameters", () => {
    const url = googleCalendarLink({ date: "2026-12-11", summary: "Call Ana" });
    expect(url).not.toMatch(/details=|recur=/);
  });
});

describe("Outlook link", () => {
  test.each([
    ["personal", "https://outlook.live.com"],
    ["work", "https://outlook.office.com"],
  ] as const)("%s accounts open %s", (account, origin) => {
    const url = new URL(outlookCalendarLink(thank, account));
    expect(url.origin).toBe(origin);
    expect(url.pathname).toBe("/calendar/0/deeplink/compose");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      path: "/calendar/action/compose",
      rru: "addevent",
      subject: "Thank Sarah",
      startdt: "2026-12-31",
      enddt: "2027-01-01",
      allday: "true",
    });
  });

  test("a repeating step says how it repeats in the body, since the link takes no rule", () => {
    const body = new URL(outlookCalendarLink(checkIn, "personal")).searchParams.get("body");
    expect(body).toBe("Repeats every 3 months, 4 times.");
  });
});

describe("typed text can only ever be text", () => {
  const typed = fc.string({ unit: "grapheme", maxLength: 60 });
  test("summary and description decode back exactly, and add no parameter", () => {
    fc.assert(
      fc.property(typed, typed, (summary, description) => {
        const event = { date: "2026-12-11", summary: `S${summary}`, description: `D${description}` };
        const google = new URL(googleCalendarLink(event)).searchParams;
        expect(google.get("text")).toBe(event.summary);
        expect(google.get("details")).toBe(event.description);
        expect([...google.keys()]).toEqual(["action", "text", "dates", "details"]);
        const outlook = new URL(outlookCalendarLink(event, "work")).searchParams;
        expect(outlook.get("subject")).toBe(event.summary);
        expect(outlook.get("body")).toBe(event.description);
        expect([...outlook.keys()]).toEqual(["path", "rru", "subject", "body", "startdt", "enddt", "allday"]);
      }),
    );
  });
});

describe("a plan step as an event", () => {
  const step = {
    id: "checkIn" as const,
    title: "Check in with Sarah",
    detail: "A short hello and your news.",
    date: "2027-03-01",
    templateSlug: "quarterly-check-in-text",
    recurrence: { frequency: "monthly" as const, interval: 3, count: 4, until: "2027-12-01" },
  };

  test("carries the step's text, its template and its repeat to both calendars", () => {
    const event = stepEvent(
      step,
      "https://example.com/templates/quarterly-check-in-text/",
      "Every 3 months, 4 times",
    );
    expect(new URL(googleCalendarLink(event)).searchParams.get("recur")).toBe(
      "RRULE:FREQ=MONTHLY;INTERVAL=3;COUNT=4",
    );
    expect(new URL(outlookCalendarLink(event, "personal")).searchParams.get("body")).toBe(
      "A short hello and your news.\n\nTemplate: https://example.com/templates/quarterly-check-in-text/\n\nEvery 3 months, 4 times",
    );
  });

  test("a step that does not repeat says nothing about repeating", () => {
    const once = {
      id: step.id,
      title: step.title,
      detail: step.detail,
      date: step.date,
      templateSlug: step.templateSlug,
    };
    const event = stepEvent(once, "https://example.com/t/", "Every 3 months, 4 times");
    expect(event.rrule).toBeUndefined();
    expect(new URL(outlookCalendarLink(event, "work")).searchParams.get("body")).not.toMatch(/Every/);
  });
});
