/**
 * Properties of the date rule, the business-day arithmetic and the timeline, over every kind of
 * input rather than chosen ones: dates across the whole range, far years (9999, 275760, year 0,
 * negative years), days that do not exist, huge numbers, other scripts' digits and any string.
 */
import fc from "fast-check";
import ICAL from "ical.js";
import { describe, expect, test } from "vitest";
import { planCalendar } from "../../src/lib/calendar.ts";
import {
  addBusinessDays,
  addDays,
  addMonths,
  dateError,
  daysBetween,
  FIRST_DATE,
  firstBusinessDay,
  formatLongDate,
  isIsoDate,
  isWeekend,
  LAST_DATE,
  toUtcMs,
  type IsoDate,
} from "../../src/lib/dates.ts";
import { formatDateInWords } from "../../src/lib/fields.ts";
import { buildPlan, PLAN_CHANNELS, PLAN_STEPS, stepWhen, WRITTEN_LETTER } from "../../src/lib/plan.ts";
import { nextStep, requestTimeline, type ReferenceRequest } from "../../src/lib/references.ts";
import { timeline } from "../../src/lib/timeline.ts";
import { REFERENCE_STEPS, type ReferenceStep } from "../../src/lib/vocabulary.ts";

const DAY_MS = 86_400_000;
const dayNumber = (date: IsoDate) => (toUtcMs(date) ?? NaN) / DAY_MS;
const fromDayNumber = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Any day in the range, the first and last ones included. */
const dayInRange = fc.integer({ min: dayNumber(FIRST_DATE), max: dayNumber(LAST_DATE) }).map(fromDayNumber);

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, "0");

/** What a date field, a file or an old version could hold that is not a date in range. */
const notInRange = fc.oneof(
  // Real days with a year outside the range, of any length or sign.
  fc
    .record({
      year: fc.oneof(
        fc.integer({ min: -271_821, max: 1899 }),
        fc.integer({ min: 2200, max: 275_760 }),
        fc.constantFrom(0, 9999, 10_000, 275_760, -1),
      ),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ year, month, day }) => {
      const digits = pad(year, Math.abs(year) > 9999 ? 6 : 4);
      const sign = year < 0 ? "-" : Math.abs(year) > 9999 && year % 2 === 0 ? "+" : "";
      return `${sign}${digits}-${pad(month, 2)}-${pad(day, 2)}`;
    }),
  fc.constantFrom("9999-12-31", "9999-12-30", "9999-09-30", "0000-01-01", "1899-12-31", "2200-01-01"),
  // Days that do not exist, in range or not.
  fc
    .record({
      year: fc.integer({ min: 0, max: 9999 }),
      day: fc.constantFrom("02-30", "02-31", "04-31", "13-01", "00-10", "06-00"),
    })
    .map(({ year, day }) => `${pad(year, 4)}-${day}`),
  // A date in range written in another script's digits, or with a space or a time.
  dayInRange.map((d) => d.replace(/\d/g, (digit) => String.fromCharCode(0xff10 + Number(digit)))),
  dayInRange.map((d) => d.replace(/\d/g, (digit) => String.fromCharCode(0x0660 + Number(digit)))),
  dayInRange.map((d) => ` ${d}`),
  dayInRange.map((d) => `${d}T00:00`),
  fc.string({ unit: "binary", maxLength: 24 }),
);

/** Anything at all where a date should be. */
const anyValue = fc.oneof(
  dayInRange,
  notInRange,
  fc.double(),
  fc.integer(),
  fc.constantFrom(undefined, null, true, 1e308, -1e308, Number.NaN, Infinity),
  fc.array(dayInRange, { maxLength: 2 }),
);

describe("the date rule", () => {
  test("every day in the range is a date, shown the same in every face", () => {
    fc.assert(
      fc.property(dayInRange, (date) => {
        expect(isIsoDate(date)).toBe(true);
        expect(dateError(date, "missing")).toBeUndefined();
        expect(formatLongDate(date, "en-GB")).toMatch(/\d{4}$/);
        expect(formatDateInWords(date, "en-GB")).toBeDefined();
        expect(addDays(date, 0)).toBe(date);
      }),
    );
  });

  test("nothing else is one, and reading it never throws: the form says what it needs", () => {
    fc.assert(
      fc.property(notInRange, (value) => {
        expect(isIsoDate(value)).toBe(false);
        expect(formatDateInWords(value, "en-GB")).toBeUndefined();
        expect(dateError(value, "missing")).toMatch(/^(missing|Enter a date from 1900 to 2199\.)$/);
      }),
    );
  });

  test("isIsoDate is exactly a real YYYY-MM-DD day from FIRST_DATE to LAST_DATE, for any value", () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const real = typeof value === "string" && toUtcMs(value) !== undefined;
        const inRange = typeof value === "string" && value >= FIRST_DATE && value <= LAST_DATE;
        expect(isIsoDate(value)).toBe(real && inRange);
      }),
    );
  });
});

describe("business days", () => {
  const count = fc.integer({ min: -1500, max: 1500 });

  test("counting from a day in range lands on a business day with a four-digit year, never a weekend", () => {
    fc.assert(
      fc.property(dayInRange, count, (date, days) => {
        const result = addBusinessDays(date, days);
        expect(toUtcMs(result)).toBeDefined();
        if (days !== 0) expect(isWeekend(result)).toBe(false);
        expect(Math.sign(daysBetween(date, result))).toBe(days === 0 ? 0 : Math.sign(days));
      }),
    );
  });

  test("from a business day, counting forward then back returns to it", () => {
    fc.assert(
      fc.property(dayInRange.map(firstBusinessDay), count, (date, days) => {
        expect(addBusinessDays(addBusinessDays(date, days), -days)).toBe(date);
      }),
    );
  });

  test("five business days are a week from any business day", () => {
    fc.assert(
      fc.property(dayInRange.map(firstBusinessDay), fc.integer({ min: -400, max: 400 }), (date, weeks) => {
        expect(addBusinessDays(date, 5 * weeks)).toBe(addDays(date, 7 * weeks));
      }),
    );
  });

  test("months: the same day or the month's last, never a day that does not exist", () => {
    fc.assert(
      fc.property(dayInRange, fc.integer({ min: -24, max: 24 }), (date, months) => {
        const result = addMonths(date, months);
        expect(toUtcMs(result)).toBeDefined();
        expect(Number(result.slice(8))).toBeLessThanOrEqual(Number(date.slice(8)));
      }),
    );
  });
});

/** For a reference: today, the date it is needed by, and the steps ticked, each on a day in range. */
const referenceInput = fc.record({
  today: dayInRange,
  neededBy: dayInRange,
  done: fc.dictionary(fc.constantFrom(...REFERENCE_STEPS), dayInRange, { maxKeys: REFERENCE_STEPS.length }),
});

/** Every day a timeline names: each step's, each repeat of the check-in's, and its end. */
function everyDay(steps: ReturnType<typeof timeline>): IsoDate[] {
  return steps.flatMap(({ date, repeat }) =>
    repeat === undefined
      ? [date]
      : [
          ...Array.from({ length: repeat.count }, (_, i) => addMonths(date, i * repeat.interval)),
          repeat.until,
        ],
  );
}

/**
 * What "in range" means for a computed date: a real day with a four-digit year, never before
 * the range, and at most about 14 months after the latest date it was counted from (the outcome
 * two weeks after, then a year of check-ins), as iso-date.ts says. So even from 2199-12-31 it
 * never comes near a fifth digit.
 */
function expectShowable(days: readonly IsoDate[], inputs: readonly IsoDate[]): void {
  const latest = inputs.reduce((a, b) => (a > b ? a : b));
  for (const day of days) {
    expect(day).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(toUtcMs(day), day).toBeDefined();
    expect(day >= FIRST_DATE, day).toBe(true);
    expect(daysBetween(latest, day), `${day} after ${latest}`).toBeLessThanOrEqual(430);
    expect(formatLongDate(day, "en-US")).toMatch(/\d{4}$/);
  }
}

describe("the timeline, for any request in range", () => {
  test("every date computed is a real, showable day, and steps not ticked are on business days", () => {
    fc.assert(
      fc.property(referenceInput, ({ today, neededBy, done }) => {
        const steps = timeline({ situation: "reference", today, neededBy, done });
        expectShowable(everyDay(steps), [today, neededBy, ...Object.values(done)]);
        for (const { step, date } of steps) {
          if (!Object.hasOwn(done, step)) expect(isWeekend(date), `${step} on ${date}`).toBe(false);
        }
      }),
    );
  });

  test("reconnecting: every date is a real, showable business day", () => {
    fc.assert(
      fc.property(dayInRange, (today) => {
        const steps = timeline({ situation: "casual", today });
        expectShowable(everyDay(steps), [today]);
        expect(everyDay(steps).slice(0, -1).filter(isWeekend)).toEqual([]);
      }),
    );
  });

  test("the tracker's next step is one of the timeline's days, and never throws", () => {
    fc.assert(
      fc.property(referenceInput, fc.string({ maxLength: 20 }), ({ today, neededBy, done }, job) => {
        const request: ReferenceRequest = { id: "q", job: job || "Designer", date: neededBy, done };
        const next = nextStep(request, today);
        expect(next).toBeDefined();
        expect(requestTimeline(request, today).map((s) => s.date)).toContain(next?.date);
      }),
    );
  });

  test("a request with any date outside the range has no next step, and never throws", () => {
    fc.assert(
      fc.property(
        referenceInput,
        notInRange,
        fc.constantFrom<"date" | ReferenceStep>("date", ...REFERENCE_STEPS),
        ({ today, neededBy, done }, far, where) => {
          const request: ReferenceRequest =
            where === "date"
              ? { id: "q", job: "Designer", date: far, done }
              : { id: "q", job: "Designer", date: neededBy, done: { ...done, [where]: far } };
          expect(nextStep(request, today)).toBeUndefined();
        },
      ),
    );
  });
});

describe("the planner and the tracker agree, for any dates in range", () => {
  const planInput = fc.record({
    today: dayInRange,
    neededBy: dayInRange,
    channel: fc.constantFrom(...PLAN_CHANNELS),
    letter: fc.boolean(),
  });

  test("a request with nothing ticked has exactly the plan's days, and its next step is the plan's first", () => {
    fc.assert(
      fc.property(planInput, ({ today, neededBy, channel, letter }) => {
        const plan = buildPlan(
          {
            theirName: "Dan",
            situation: "reference",
            channel,
            neededBy,
            referenceType: letter ? WRITTEN_LETTER : "",
          },
          today,
          PLAN_STEPS,
        );
        const request: ReferenceRequest = { id: "q", job: "Designer", date: neededBy, done: {} };
        expect(requestTimeline(request, today).map((s) => [s.step, s.date])).toEqual(
          plan.steps.map((s) => [s.id, s.date]),
        );
        expect(nextStep(request, today)).toMatchObject({ step: "asked", date: plan.steps[0]?.date });
        for (const step of plan.steps) expect(stepWhen(step, "en-GB")).toMatch(/\d{4}$/);
      }),
    );
  });

  test("the .ics file of any plan in range parses, with every date the plan shows", () => {
    fc.assert(
      fc.property(planInput, ({ today, neededBy, channel }) => {
        const plan = buildPlan(
          { theirName: "Dan", situation: "reference", channel, neededBy, referenceType: "" },
          today,
          PLAN_STEPS,
        );
        const ics = planCalendar(plan, {
          now: new Date("2026-06-08T10:00:00Z"),
          linkFor: (slug) => `https://reconnect.example.com/templates/${slug}/`,
          domain: "reconnect.example.com",
          prodId: "-//Reconnect Kit//Planner//EN",
          name: "Plan",
        });
        const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
        const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
        expect(events.map((e) => e.startDate.toString())).toEqual(plan.steps.map((s) => s.date));
        for (const event of events)
          expect(event.endDate.toString()).toBe(addDays(event.startDate.toString(), 1));
      }),
      { numRuns: 60 },
    );
  });
});
