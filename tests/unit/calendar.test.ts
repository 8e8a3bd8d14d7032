import ICAL from "ical.js";
import { describe, expect, test } from "vitest";
import {
  escapeText,
  foldLine,
  planCalendar,
  planEvents,
  rrule,
  utcDateTime,
  writeCalendar,
  type CalendarEvent,
} from "../../src/lib/calendar.ts";
import { addMonths, isWeekend } from "../../src/lib/dates.ts";
import { buildPlan, PLAN_STEPS, type PlanInput } from "../../src/lib/plan.ts";

const NOW = new Date("2026-06-08T14:05:09.250Z");
const bytes = (text: string) => new TextEncoder().encode(text).length;
const OPTIONS = {
  now: NOW,
  linkFor: (slug: string) => `https://reconnect.example.com/templates/${slug}/`,
  domain: "reconnect.example.com",
  prodId: "-//Reconnect Kit//Planner//EN",
  name: "Reconnect Kit plan",
};

/** The physical lines of a file, split only at CRLF. */
const physicalLines = (ics: string) => ics.slice(0, -2).split("\r\n");
/** RFC 5545 §3.1 unfolding: remove every CRLF followed by one space or tab. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");

describe("escapeText (RFC 5545 §3.3.11)", () => {
  test.each([
    ["plain", "Coffee with Dan", "Coffee with Dan"],
    ["comma", "Dan, Ana", "Dan\\, Ana"],
    ["semicolon", "a;b", "a\\;b"],
    ["backslash", "C:\\notes", "C:\\\\notes"],
    ["LF", "one\ntwo", "one\\ntwo"],
    ["CRLF is one line break", "one\r\ntwo", "one\\ntwo"],
    ["CR alone", "one\rtwo", "one\\ntwo"],
    ["a backslash before a comma is escaped once each", "a\\,b", "a\\\\\\,b"],
    ["a literal backslash-n stays two characters", "a\\nb", "a\\\\nb"],
    ["colon and quotes need no escape", 'Note: "hi"', 'Note: "hi"'],
    ["control characters are dropped, tabs kept", "a\u0000b\u0007c\td\u007f", "abc\td"],
    ["non-ASCII is kept", "Zoë 🎉 日本", "Zoë 🎉 日本"],
  ])("%s", (_name, input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });
});

describe("foldLine (RFC 5545 §3.1)", () => {
  test.each([
    ["a short line is left alone", "SUMMARY:hi", ["SUMMARY:hi"]],
    ["exactly 75 octets is left alone", "x".repeat(75), ["x".repeat(75)]],
    ["76 octets folds once", "x".repeat(76), ["x".repeat(75), " x"]],
    ["a continuation holds 74 more octets", "x".repeat(150), ["x".repeat(75), ` ${"x".repeat(74)}`, " x"]],
    ["a 2-octet character that would cross 75 moves down", `${"x".repeat(74)}é`, ["x".repeat(74), " é"]],
    ["a 2-octet character that ends at 75 stays", `${"x".repeat(73)}é`, [`${"x".repeat(73)}é`]],
    ["a 3-octet character is not split", `${"x".repeat(73)}日`, ["x".repeat(73), " 日"]],
    ["a 4-octet emoji is not split", `${"x".repeat(72)}🎉`, ["x".repeat(72), " 🎉"]],
    ["an emoji that fits exactly stays", `${"x".repeat(71)}🎉`, [`${"x".repeat(71)}🎉`]],
  ])("%s", (_name, line, expected) => {
    expect(foldLine(line).split("\r\n")).toEqual(expected);
  });

  test("random mixed text: every line ≤ 75 octets, whole characters only, and unfolds to the original", () => {
    const alphabet = ["a", "Z", " ", ",", "é", "ß", "日", "本", "🎉", "👩‍💻", "\u0301", "𝄞"];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let run = 0; run < 300; run += 1) {
      const length = Math.floor(random() * 400);
      const line = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
      const folded = foldLine(`DESCRIPTION:${line}`);
      for (const physical of folded.split("\r\n")) {
        expect(bytes(physical)).toBeLessThanOrEqual(75);
        expect(physical.isWellFormed()).toBe(true);
        // Bytes decode back to the same text: no UTF-8 sequence was cut.
        expect(new TextDecoder("utf-8", { fatal: true }).decode(new TextEncoder().encode(physical))).toBe(
          physical,
        );
      }
      expect(folded.replace(/\r\n /g, "")).toBe(`DESCRIPTION:${line}`);
    }
  });
});

describe("utcDateTime (RFC 5545 §3.3.5 form 2)", () => {
  test.each([
    ["2026-06-08T14:05:09.250Z", "20260608T140509Z"],
    ["2026-06-08T23:30:00-08:00", "20260609T073000Z"],
    ["2027-01-01T00:00:00+14:00", "20261231T100000Z"],
  ])("%s → %s", (instant, expected) => {
    expect(utcDateTime(new Date(instant))).toBe(expected);
  });
});

describe("writeCalendar", () => {
  const events: CalendarEvent[] = [
    {
      uid: "abc-ask@reconnect.example.com",
      date: "2026-06-08",
      summary: "Ask Dan, today; please",
      description: `Line one\nLine two with a long tail ${"and more ".repeat(12)}`,
      url: "https://reconnect.example.com/templates/x/",
      alarm: { trigger: "PT9H", description: "Reminder: Ask Dan" },
    },
    {
      uid: "abc-check-in@reconnect.example.com",
      date: "2026-09-08",
      summary: "Check in",
      rrule: "FREQ=MONTHLY;INTERVAL=3",
    },
  ];
  const ics = writeCalendar(events, { prodId: "-//Test//EN", now: NOW, name: "Plan, for Dan" });

  test("every line ends in CRLF, including the last, and none is bare", () => {
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
  });

  test("no physical line is longer than 75 octets", () => {
    for (const line of physicalLines(ics)) expect(bytes(line)).toBeLessThanOrEqual(75);
    expect(physicalLines(ics).some((line) => line.startsWith(" "))).toBe(true);
  });

  test("the calendar opens with VERSION, PRODID and CALSCALE", () => {
    expect(physicalLines(ics).slice(0, 5)).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Test//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
    ]);
    expect(unfold(ics)).toContain("\r\nNAME:Plan\\, for Dan\r\n");
  });

  test("each event is all-day with UID, DTSTAMP, DTSTART;VALUE=DATE and a next-day DTEND", () => {
    const lines = unfold(ics).split("\r\n");
    expect(lines).toContain("UID:abc-ask@reconnect.example.com");
    expect(lines.filter((l) => l === "DTSTAMP:20260608T140509Z")).toHaveLength(2);
    expect(lines).toContain("DTSTART;VALUE=DATE:20260608");
    expect(lines).toContain("DTEND;VALUE=DATE:20260609");
    expect(lines).toContain("SUMMARY:Ask Dan\\, today\\; please");
    expect(lines).toContain("RRULE:FREQ=MONTHLY;INTERVAL=3");
  });

  test("the alarm has ACTION, TRIGGER and DESCRIPTION", () => {
    const alarm = /BEGIN:VALARM\r\n([\s\S]*?)END:VALARM/.exec(unfold(ics))?.[1];
    expect(alarm?.split("\r\n").filter(Boolean)).toEqual([
      "ACTION:DISPLAY",
      "TRIGGER:PT9H",
      "DESCRIPTION:Reminder: Ask Dan",
    ]);
  });
});

const PLANS: [string, PlanInput, string][] = [
  [
    "a reference by email",
    { theirName: "Dan", situation: "reference", channel: "email", neededBy: "2026-06-29" },
    "2026-06-08",
  ],
  [
    "a reference tomorrow by text",
    { theirName: "Ana", situation: "reference", channel: "text", neededBy: "2026-06-09" },
    "2026-06-08",
  ],
  [
    "a reference in the past by phone",
    { theirName: "Li", situation: "reference", channel: "phone", neededBy: "2026-05-01" },
    "2026-06-08",
  ],
  [
    "a written letter, with every character TEXT must escape in the name",
    {
      theirName: 'Zoë "Z" O\'Brien, PhD; C:\\team\nsecond line',
      situation: "reference",
      channel: "linkedin",
      neededBy: "2026-12-31",
      referenceType: "a written letter",
    },
    "2026-12-24",
  ],
  [
    "casual by LinkedIn, with a long emoji name",
    { theirName: `Sam ${"👩‍💻🎉日本".repeat(12)}`, situation: "casual", channel: "linkedin" },
    "2026-08-31",
  ],
  ["casual with no name", { theirName: "", situation: "casual", channel: "text" }, "2027-02-28"],
];

describe.each(PLANS)("%s parses with ical.js and reads back equal", (_name, input, today) => {
  const plan = buildPlan(input, today, PLAN_STEPS);
  const ics = planCalendar(plan, OPTIONS);
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  const vevents = calendar.getAllSubcomponents("vevent");

  test("one event per step, with the step's summary, date and description", () => {
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBe(OPTIONS.prodId);
    expect(vevents).toHaveLength(plan.steps.length);
    vevents.forEach((vevent, index) => {
      const step = plan.steps[index];
      const event = new ICAL.Event(vevent);
      expect(event.summary).toBe(step?.title);
      expect(event.startDate.isDate).toBe(true);
      expect(event.startDate.toString()).toBe(step?.date);
      expect(event.description).toBe(
        `${step?.detail ?? ""}\n\nTemplate: ${OPTIONS.linkFor(step?.templateSlug ?? "")}`,
      );
      expect(event.uid).toBe(`${plan.id}-${step?.id ?? ""}@reconnect.example.com`);
      expect(vevent.getFirstPropertyValue("dtstamp")?.toString()).toBe("2026-06-08T14:05:09Z");
    });
  });

  test("every event has a display alarm with a trigger and a description", () => {
    for (const [index, vevent] of vevents.entries()) {
      const alarms = vevent.getAllSubcomponents("valarm");
      expect(alarms).toHaveLength(1);
      const alarm = alarms[0];
      expect(alarm?.getFirstPropertyValue("action")).toBe("DISPLAY");
      expect(alarm?.getFirstPropertyValue("trigger")?.toString()).toBe("PT9H");
      expect(alarm?.getFirstPropertyValue("description")).toBe(`Reminder: ${plan.steps[index]?.title ?? ""}`);
    }
  });

  // The check-in used to repeat for ever (no COUNT or UNTIL); it now ends after four quarters.
  test("UIDs are unique and the check-in alone repeats: every three months, four times, then stops", () => {
    expect(new Set(vevents.map((v) => v.getFirstPropertyValue("uid"))).size).toBe(vevents.length);
    const recurring = vevents.filter((v) => v.hasProperty("rrule"));
    expect(recurring.map((v) => v.getFirstPropertyValue("summary"))).toEqual([plan.steps.at(-1)?.title]);
    expect(unfold(ics)).toContain("\r\nRRULE:FREQ=MONTHLY;INTERVAL=3;COUNT=4\r\n");
    const event = new ICAL.Event(recurring[0]);
    const iterator = event.iterator();
    // ical.js types next() as always giving a time, but it gives undefined once the rule ends.
    const next = () => iterator.next() as ReturnType<typeof iterator.next> | undefined;
    const occurrences = Array.from({ length: 10 }, () => next()?.toString()).filter((o) => o !== undefined);
    const checkIn = plan.steps.at(-1);
    const first = checkIn?.date ?? "";
    expect(occurrences).toEqual([0, 3, 6, 9].map((months) => addMonths(first, months)));
    expect(occurrences.at(-1)).toBe(checkIn?.recurrence?.until);
    // Each of them on a business day, on a day of the month every month has (§3.3.10).
    expect(occurrences.filter(isWeekend)).toEqual([]);
    expect(Number(first.slice(8))).toBeLessThanOrEqual(28);
  });

  test("the file is CRLF throughout and folded within 75 octets", () => {
    expect(ics.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    for (const line of physicalLines(ics)) expect(bytes(line)).toBeLessThanOrEqual(75);
  });
});

test("rrule says how often and how many times, with COUNT (never both COUNT and UNTIL)", () => {
  expect(rrule({ frequency: "monthly", interval: 3, count: 4, until: "2027-07-13" })).toBe(
    "FREQ=MONTHLY;INTERVAL=3;COUNT=4",
  );
});

test("planEvents is deterministic: the same plan gives the same UIDs", () => {
  const plan = buildPlan(
    { theirName: "Dan", situation: "casual", channel: "email" },
    "2026-06-08",
    PLAN_STEPS,
  );
  const again = buildPlan(
    { theirName: "Dan", situation: "casual", channel: "text" },
    "2026-06-20",
    PLAN_STEPS,
  );
  expect(planEvents(plan, OPTIONS).map((e) => e.uid)).toEqual(planEvents(again, OPTIONS).map((e) => e.uid));
});
