import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { addDays, addMonths, daysBetween, firstBusinessDay, isWeekend } from "../../src/lib/dates.ts";
import {
  buildPlan,
  PLAN_CHANNELS,
  planChecklist,
  planHeading,
  planTemplateSlugs,
  PLAN_STEPS,
  shortHash,
  stepWhen,
  WRITTEN_LETTER,
  type PlanChannel,
  type PlanInput,
} from "../../src/lib/plan.ts";
import { CASUAL_STEPS, CHECK_IN, REFERENCE_STEPS } from "../../src/lib/vocabulary.ts";

const TEMPLATES = resolve(import.meta.dirname, "../../src/content/templates");

const reference = (neededBy: string, extra: Partial<PlanInput> = {}): PlanInput => ({
  theirName: "Dan",
  situation: "reference",
  channel: "email",
  neededBy,
  ...extra,
});
const casual: PlanInput = { theirName: "Dan", situation: "casual", channel: "email" };

const datesOf = (input: PlanInput, today: string) =>
  Object.fromEntries(buildPlan(input, today, PLAN_STEPS).steps.map((s) => [s.id, s.date]));

describe("a reference plan", () => {
  test.each([
    [
      "three weeks ahead, starting on a Monday",
      "2026-06-08",
      "2026-06-29",
      {
        asked: "2026-06-08",
        agreed: "2026-06-11", // Thursday: 3 business days
        packetSent: "2026-06-12",
        headsUp: "2026-06-26", // the Friday before a Monday deadline
        thanked: "2026-06-30",
        toldOutcome: "2026-07-13",
        checkIn: "2026-10-13",
      },
    ],
    [
      "asking on a Friday: the follow-up skips the weekend, and so do the thanks and the check-in",
      "2026-06-12",
      "2026-07-03",
      {
        asked: "2026-06-12",
        agreed: "2026-06-17", // Wednesday, not Monday
        packetSent: "2026-06-18",
        headsUp: "2026-07-02",
        thanked: "2026-07-06", // was Saturday 4 July: the Monday after a Friday deadline
        toldOutcome: "2026-07-17",
        checkIn: "2026-10-19", // was Saturday 17 October
      },
    ],
    [
      "planning on a Saturday: the plan starts on Monday",
      "2026-06-13",
      "2026-07-06",
      {
        asked: "2026-06-15", // was Saturday 13 June
        agreed: "2026-06-18",
        packetSent: "2026-06-19",
        headsUp: "2026-07-03",
        thanked: "2026-07-07",
        toldOutcome: "2026-07-20",
        checkIn: "2026-10-20",
      },
    ],
    [
      "a deadline tomorrow: two steps on it, no more",
      "2026-06-10",
      "2026-06-11",
      {
        asked: "2026-06-10",
        agreed: "2026-06-11",
        packetSent: "2026-06-11",
        headsUp: "2026-06-12", // was a third step on the 11th
        thanked: "2026-06-12",
        toldOutcome: "2026-06-25",
        checkIn: "2026-09-25",
      },
    ],
    [
      "a deadline in the past: the plan starts today",
      "2026-06-10",
      "2026-06-01",
      {
        asked: "2026-06-10",
        agreed: "2026-06-11",
        packetSent: "2026-06-11",
        headsUp: "2026-06-12", // was four steps on the 11th
        thanked: "2026-06-12",
        toldOutcome: "2026-06-24",
        checkIn: "2026-09-24",
      },
    ],
    [
      "a deadline today",
      "2026-06-10",
      "2026-06-10",
      {
        asked: "2026-06-10",
        agreed: "2026-06-11",
        packetSent: "2026-06-11",
        headsUp: "2026-06-12",
        thanked: "2026-06-12",
        toldOutcome: "2026-06-24",
        checkIn: "2026-09-24",
      },
    ],
    [
      "a deadline two days out squeezes the follow-up in before it",
      "2026-06-08",
      "2026-06-10",
      {
        asked: "2026-06-08",
        agreed: "2026-06-09",
        packetSent: "2026-06-09",
        headsUp: "2026-06-10", // was a third step on the 9th
        thanked: "2026-06-11",
        toldOutcome: "2026-06-24",
        checkIn: "2026-09-24",
      },
    ],
    [
      "a check-in that would fall on the 30th starts on the 28th instead",
      "2026-04-01",
      "2026-04-16",
      {
        asked: "2026-04-01",
        agreed: "2026-04-06",
        packetSent: "2026-04-07",
        headsUp: "2026-04-15",
        thanked: "2026-04-17",
        toldOutcome: "2026-04-30",
        checkIn: "2026-07-28",
      },
    ],
  ])("%s", (_name, today, neededBy, expected) => {
    expect(datesOf(reference(neededBy), today)).toEqual(expected);
  });

  test("steps come in the order the issue lists them", () => {
    expect(buildPlan(reference("2026-07-01"), "2026-06-08", PLAN_STEPS).steps.map((s) => s.id)).toEqual([
      "asked",
      "agreed",
      "packetSent",
      "headsUp",
      "thanked",
      "toldOutcome",
      "checkIn",
    ]);
  });

  test("for every start day and deadline in two months, dates never go back and start on the first business day", () => {
    const start = "2026-06-01";
    for (let t = 0; t < 14; t += 1) {
      const today = addDays(start, t);
      for (let d = -5; d < 60; d += 1) {
        const steps = buildPlan(reference(addDays(today, d)), today, PLAN_STEPS).steps;
        expect(steps[0]?.date).toBe(firstBusinessDay(today));
        for (let i = 1; i < steps.length; i += 1) {
          const [before, step] = [steps[i - 1], steps[i]];
          expect(
            daysBetween(before?.date ?? "", step?.date ?? ""),
            `${today} → ${addDays(today, d)}`,
          ).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });

  test("the follow-up never lands on a weekend when there is time for 3 business days", () => {
    for (let t = 0; t < 7; t += 1) {
      const today = addDays("2026-06-01", t);
      const followUp = buildPlan(reference(addDays(today, 21)), today, PLAN_STEPS).steps[1];
      expect(isWeekend(followUp?.date ?? ""), today).toBe(false);
    }
  });
});

describe("warnings", () => {
  test.each<[string, string, string, string | undefined, string[], RegExp | undefined]>([
    ["three weeks ahead", "2026-06-08", "2026-06-29", undefined, [], undefined],
    ["exactly a week ahead", "2026-06-08", "2026-06-15", undefined, [], undefined],
    ["six days ahead", "2026-06-08", "2026-06-14", undefined, ["soon"], /needed in 6 days, less than a week/],
    ["tomorrow", "2026-06-10", "2026-06-11", undefined, ["soon"], /needed tomorrow/],
    ["today", "2026-06-10", "2026-06-10", undefined, ["soon"], /needed today/],
    ["in the past", "2026-06-10", "2026-06-09", undefined, ["past"], /That date has passed/],
    ["a letter in 13 days", "2026-06-08", "2026-06-21", WRITTEN_LETTER, ["letter"], /two weeks or more/],
    ["a letter in 14 days", "2026-06-08", "2026-06-22", WRITTEN_LETTER, [], undefined],
    ["a letter tomorrow", "2026-06-08", "2026-06-09", WRITTEN_LETTER, ["letter"], /needed tomorrow/],
    ["a letter in the past", "2026-06-08", "2026-06-01", WRITTEN_LETTER, ["past"], undefined],
    ["a call in 10 days", "2026-06-08", "2026-06-18", "a phone call from a recruiter", [], undefined],
  ])("%s", (_name, today, neededBy, referenceType, ids, text) => {
    const { warnings } = buildPlan(reference(neededBy, { referenceType }), today, PLAN_STEPS);
    expect(warnings.map((w) => w.id)).toEqual(ids);
    if (text !== undefined) expect(warnings[0]?.text).toMatch(text);
  });

  test("casual plans have none", () => {
    expect(buildPlan(casual, "2026-06-08", PLAN_STEPS).warnings).toEqual([]);
  });

  test("a reference plan without a date is refused", () => {
    expect(() => buildPlan({ ...casual, situation: "reference" }, "2026-06-08", PLAN_STEPS)).toThrow(
      /needs the date/,
    );
  });
});

describe("a casual plan", () => {
  // The check-in counts from the step before it, as for a reference ("every three months after
  // that"): three months after suggesting a meeting, on a business day in every quarter.
  test.each([
    [
      "from a Monday",
      "2026-06-08",
      { firstMessage: "2026-06-08", nudge: "2026-06-15", meet: "2026-06-22", checkIn: "2026-09-22" },
    ],
    [
      "from a Sunday: the first message is on Monday",
      "2026-06-14",
      { firstMessage: "2026-06-15", nudge: "2026-06-22", meet: "2026-06-29", checkIn: "2026-10-01" },
    ],
    [
      "from the 30th of November",
      "2026-11-30",
      { firstMessage: "2026-11-30", nudge: "2026-12-07", meet: "2026-12-14", checkIn: "2027-03-15" },
    ],
    [
      "from the 31st",
      "2026-08-31",
      { firstMessage: "2026-08-31", nudge: "2026-09-07", meet: "2026-09-14", checkIn: "2026-12-15" },
    ],
  ])("%s", (_name, today, expected) => {
    expect(datesOf(casual, today)).toEqual(expected);
  });

  test("only the check-in repeats: every three months, four times, with its last day", () => {
    for (const input of [casual, reference("2026-07-01")]) {
      const steps = buildPlan(input, "2026-06-08", PLAN_STEPS).steps;
      const checkIn = steps.at(-1);
      expect(steps.filter((s) => s.recurrence).map((s) => s.id)).toEqual(["checkIn"]);
      expect(checkIn?.recurrence).toEqual({
        frequency: "monthly",
        interval: 3,
        count: 4,
        until: addMonths(checkIn?.date ?? "", 9),
      });
    }
  });

  test("the words come in the timeline's order, one set of step ids", () => {
    expect(PLAN_STEPS.reference.map((s) => s.id)).toEqual([...REFERENCE_STEPS, CHECK_IN]);
    expect(PLAN_STEPS.casual.map((s) => s.id)).toEqual([...CASUAL_STEPS, CHECK_IN]);
  });
});

describe("the template for each step matches the channel where one exists", () => {
  const slugs = (input: PlanInput) =>
    buildPlan(input, "2026-06-08", PLAN_STEPS).steps.map((s) => s.templateSlug);
  test.each<[PlanChannel, string[]]>([
    [
      "email",
      [
        "ask-for-a-reference-email",
        "reference-follow-up-email",
        "reference-packet-email",
        "recruiter-heads-up-email",
        "thank-you-email",
        "update-got-the-job-email",
        "quarterly-check-in-email",
      ],
    ],
    [
      "text",
      [
        "ask-for-a-reference-text-urgent",
        "reference-follow-up-text",
        "reference-packet-email",
        "recruiter-heads-up-text",
        "thank-you-text",
        "update-text",
        "quarterly-check-in-text",
      ],
    ],
    [
      "linkedin",
      [
        "ask-for-a-reference-linkedin",
        "reference-follow-up-email",
        "reference-packet-email",
        "recruiter-heads-up-email",
        "thank-you-email",
        "update-got-the-job-email",
        "quarterly-check-in-email",
      ],
    ],
    [
      "phone",
      [
        "ask-for-a-reference-phone-call",
        "reference-follow-up-text",
        "reference-packet-email",
        "recruiter-heads-up-text",
        "thank-you-text",
        "update-text",
        "quarterly-check-in-text",
      ],
    ],
  ])("reference by %s", (channel, expected) => {
    expect(slugs(reference("2026-07-01", { channel }))).toEqual(expected);
  });

  test.each<[PlanChannel, string[]]>([
    ["email", ["reconnect-email", "ask-for-advice-email", "lunch-invite-email", "quarterly-check-in-email"]],
    ["text", ["reconnect-text", "ask-for-advice-text", "coffee-invite-text", "quarterly-check-in-text"]],
    [
      "linkedin",
      [
        "connect-invitation-linkedin-note",
        "ask-for-advice-linkedin",
        "lunch-invite-email",
        "quarterly-check-in-email",
      ],
    ],
    [
      "phone",
      ["reconnect-phone-call", "ask-for-advice-text", "coffee-invite-text", "quarterly-check-in-text"],
    ],
  ])("casual by %s", (channel, expected) => {
    expect(slugs({ ...casual, channel })).toEqual(expected);
  });

  test.each(planTemplateSlugs())("%s is a template in src/content/templates", (slug) => {
    expect(existsSync(resolve(TEMPLATES, `${slug}.md`))).toBe(true);
  });

  test("every step has an email template to fall back on", () => {
    for (const step of [...PLAN_STEPS.reference, ...PLAN_STEPS.casual])
      expect(step.templates.email).toMatch(/-email$/);
  });

  test("every channel is covered", () => {
    expect(PLAN_CHANNELS).toEqual(["email", "text", "linkedin", "phone"]);
  });
});

describe("titles, ids and the checklist", () => {
  test.each([
    ["Dan", "Reconnect with Dan and ask for the reference"],
    ["  Ana María  ", "Reconnect with Ana María and ask for the reference"],
    ["", "Reconnect with them and ask for the reference"],
  ])("the name %j reads as %j", (theirName, title) => {
    expect(buildPlan(reference("2026-07-01", { theirName }), "2026-06-08", PLAN_STEPS).steps[0]?.title).toBe(
      title,
    );
  });

  test("the plan id is stable for the same person and date, and differs otherwise", () => {
    const id = (input: PlanInput, today = "2026-06-08") => buildPlan(input, today, PLAN_STEPS).id;
    expect(id(reference("2026-07-01"))).toMatch(/^[0-9a-f]{8}$/);
    expect(id(reference("2026-07-01"))).toBe(id(reference("2026-07-01"), "2026-06-09"));
    expect(id(reference("2026-07-01"))).toBe(id(reference("2026-07-01", { channel: "text" })));
    expect(id(reference("2026-07-01"))).not.toBe(id(reference("2026-07-02")));
    expect(id(reference("2026-07-01"))).not.toBe(id(reference("2026-07-01", { theirName: "Ana" })));
    expect(id(casual)).not.toBe(id(reference("2026-07-01")));
  });

  test.each([
    ["", "811c9dc5"],
    ["a", "e40c292c"],
    ["foobar", "bf9cf968"],
  ])("shortHash(%j) is FNV-1a %s", (text, hash) => {
    expect(shortHash(text)).toBe(hash);
  });

  test("the heading and the dates read in words", () => {
    const plan = buildPlan(reference("2026-06-29"), "2026-06-08", PLAN_STEPS);
    expect(planHeading(plan, "en-GB")).toBe("Ask Dan for a reference by Monday, 29 June 2026");
    expect(planHeading(buildPlan(casual, "2026-06-08", PLAN_STEPS), "en-US")).toBe("Reconnect with Dan");
    const [ask] = plan.steps;
    const checkIn = plan.steps.at(-1);
    expect(ask && stepWhen(ask, "en-US")).toBe("Monday, June 8, 2026");
    // The check-in says when it ends (it used to repeat for ever).
    expect(checkIn && stepWhen(checkIn, "en-GB")).toBe(
      "Every 3 months from Tuesday, 13 October 2026, four times, until Tuesday, 13 July 2027",
    );
  });

  test("the checklist has a box, a date, the detail and the link for each step", () => {
    const plan = buildPlan(reference("2026-06-12"), "2026-06-08", PLAN_STEPS);
    const text = planChecklist(plan, {
      locale: "en-GB",
      linkFor: (slug) => `https://x.test/templates/${slug}/`,
    });
    const lines = text.split("\n");
    expect(lines[0]).toBe("Ask Dan for a reference by Friday, 12 June 2026");
    expect(lines[2]).toMatch(/^Note: The reference is needed in 4 days/);
    expect(lines.filter((l) => l.startsWith("[ ] "))).toHaveLength(7);
    expect(text).toContain(
      "[ ] Monday, 8 June 2026: Reconnect with Dan and ask for the reference\n    Say in one line",
    );
    expect(text).toContain("    Template: https://x.test/templates/ask-for-a-reference-email/\n");
    expect(text.endsWith("/\n")).toBe(true);
  });
});
