import { describe, expect, test } from "vitest";
import {
  addDays,
  addMonths,
  daysBetween,
  formatLongDate,
  isWeekend,
  type IsoDate,
} from "../../src/lib/dates.ts";
import {
  buildPlan,
  PLAN_STEPS,
  stepWhen,
  WRITTEN_LETTER,
  type Plan,
  type PlanInput,
} from "../../src/lib/plan.ts";
import {
  addReference,
  addRequest,
  nextStep,
  requestTimeline,
  setStepDone,
  type ReferenceRequest,
  type TrackerData,
} from "../../src/lib/references.ts";
import { timeline } from "../../src/lib/timeline.ts";
import { CASUAL_STEPS, CHECK_IN, REFERENCE_STEPS, type ReferenceStep } from "../../src/lib/vocabulary.ts";

const CALL = "a phone call from a recruiter";
const NOW = new Date("2026-06-01T09:00:00Z");

/** A plan and the same request in the tracker, made from the same three inputs. */
function planFor(today: IsoDate, neededBy: IsoDate, referenceType: string): Plan {
  const input: PlanInput = {
    theirName: "Sarah",
    situation: "reference",
    channel: "email",
    neededBy,
    referenceType,
  };
  return buildPlan(input, today, PLAN_STEPS);
}

function trackedRequest(neededBy: IsoDate): TrackerData {
  const data = addReference(
    { references: [] },
    { name: "Sarah", relationship: "", channel: "email", contact: "" },
    "r",
    NOW,
  );
  return addRequest(data, "r", { job: "Designer at Acme", date: neededBy }, "q", NOW);
}

const requestOf = (data: TrackerData): ReferenceRequest => {
  const request = data.references[0]?.requests[0];
  if (request === undefined) throw new Error("no request");
  return request;
};

/** Every day a step (or a repeat of the check-in) falls on. */
function allDays(plan: Plan): IsoDate[] {
  return plan.steps.flatMap((step) => {
    const repeat = step.recurrence;
    if (repeat === undefined) return [step.date];
    return Array.from({ length: repeat.count }, (_, i) => addMonths(step.date, i * repeat.interval));
  });
}

function mostOnOneDay(dates: readonly IsoDate[]): number {
  const counts = new Map<IsoDate, number>();
  for (const date of dates) counts.set(date, (counts.get(date) ?? 0) + 1);
  return Math.max(...counts.values());
}

// [what the case is about, today, needed by, kind of reference]
const CASES: [string, IsoDate, IsoDate, string][] = [
  ["three weeks ahead from a Monday", "2026-06-08", "2026-06-29", CALL],
  ["needed on a Friday: thanks on Monday, not Saturday", "2026-06-12", "2026-07-03", CALL],
  ["planned on a Saturday", "2026-06-13", "2026-07-06", CALL],
  ["planned on a Sunday, needed on a Wednesday", "2026-06-14", "2026-06-24", CALL],
  ["needed tomorrow: no more than two steps a day", "2026-06-10", "2026-06-11", CALL],
  ["needed today", "2026-06-10", "2026-06-10", CALL],
  ["needed by a date that has passed", "2026-06-10", "2026-06-01", CALL],
  ["needed in two days", "2026-06-08", "2026-06-10", CALL],
  ["an outcome on the 30th: the check-in starts by the 28th", "2026-04-01", "2026-04-16", CALL],
  ["planned on the 31st", "2026-08-31", "2026-09-15", CALL],
  ["across New Year", "2026-12-21", "2027-01-04", CALL],
  ["a letter needed on New Year's Eve", "2026-12-24", "2026-12-31", WRITTEN_LETTER],
  ["a letter across New Year", "2026-12-29", "2027-01-08", WRITTEN_LETTER],
  ["the end of February", "2027-02-26", "2027-03-12", CALL],
  ["a leap day", "2028-02-28", "2028-03-01", CALL],
  ["a year ahead", "2026-06-08", "2027-06-08", CALL],
  ["months ahead, needed on the 30th", "2026-06-08", "2026-09-30", WRITTEN_LETTER],
  ["needed on a Saturday", "2026-06-09", "2026-06-20", CALL],
  ["needed on a Sunday", "2026-06-09", "2026-06-21", CALL],
  ["a letter needed in four days", "2026-06-11", "2026-06-15", WRITTEN_LETTER],
  ["a letter in a month, from the last day of one", "2026-07-31", "2026-08-31", WRITTEN_LETTER],
  ["planned on a Saturday, needed on Monday", "2026-10-31", "2026-11-02", CALL],
  ["planned on a Friday, needed on Monday", "2026-06-12", "2026-06-15", CALL],
  ["a letter needed tomorrow", "2026-06-08", "2026-06-09", WRITTEN_LETTER],
  ["a week ahead at the end of a decade", "2029-12-26", "2030-01-02", CALL],
];

describe.each(CASES)("%s (%s, needed by %s, %s)", (_name, today, neededBy, referenceType) => {
  const plan = planFor(today, neededBy, referenceType);
  const checkIn = plan.steps.at(-1);

  test("with nothing ticked, the tracker has exactly the planner's days", () => {
    const request = requestOf(trackedRequest(neededBy));
    expect(requestTimeline(request, today).map((s) => [s.step, s.date])).toEqual(
      plan.steps.map((s) => [s.id, s.date]),
    );
    const next = nextStep(request, today);
    expect([next?.step, next?.date, next?.overdue]).toEqual(["asked", plan.steps[0]?.date, false]);
  });

  test("ticking each step on the day the plan gives it, the tracker's next step is the plan's next", () => {
    let data = trackedRequest(neededBy);
    let day = today;
    const seen: [string, IsoDate][] = [];
    for (const step of plan.steps) {
      const next = nextStep(requestOf(data), day);
      if (next === undefined) throw new Error(`no next step on ${day}`);
      seen.push([next.step, next.date]);
      expect(next.overdue, `${step.id} on ${day}`).toBe(false);
      if (step.id === CHECK_IN) {
        expect(next.repeat).toEqual(step.recurrence);
        break;
      }
      day = step.date;
      data = setStepDone(data, { reference: "r", request: "q" }, step.id as ReferenceStep, true, day, NOW);
    }
    expect(seen).toEqual(plan.steps.map((s) => [s.id, s.date]));
  });

  test("every day is a business day, none before today, in order", () => {
    const days = allDays(plan);
    expect(days.filter(isWeekend)).toEqual([]);
    expect(daysBetween(today, days[0] ?? "")).toBeGreaterThanOrEqual(0);
    expect([...days].sort()).toEqual(days);
  });

  test("no more than two steps share a day", () => {
    expect(mostOnOneDay(plan.steps.map((s) => s.date))).toBeLessThanOrEqual(2);
  });

  test("the check-in repeats four times, ends on a day the person can see, and exists every month", () => {
    expect(checkIn?.id).toBe(CHECK_IN);
    const start = checkIn?.date ?? "";
    const until = addMonths(start, 9);
    expect(checkIn?.recurrence).toEqual({ frequency: "monthly", interval: 3, count: 4, until });
    expect(Number(start.slice(8))).toBeLessThanOrEqual(28);
    expect(checkIn && stepWhen(checkIn, "en-GB")).toBe(
      `Every 3 months from ${formatLongDate(start, "en-GB")}, four times, until ${formatLongDate(until, "en-GB")}`,
    );
  });

  test("the kind of reference changes the warnings, never the days (the tracker does not know it)", () => {
    const other = planFor(today, neededBy, referenceType === CALL ? WRITTEN_LETTER : CALL);
    expect(other.steps.map((s) => s.date)).toEqual(plan.steps.map((s) => s.date));
  });
});

describe("the timeline itself", () => {
  test("the reference steps are the tracker's, then the check-in; casual has its own", () => {
    expect(
      timeline({ situation: "reference", today: "2026-06-08", neededBy: "2026-06-29" }).map((s) => s.step),
    ).toEqual([...REFERENCE_STEPS, CHECK_IN]);
    expect(timeline({ situation: "casual", today: "2026-06-08" }).map((s) => s.step)).toEqual([
      ...CASUAL_STEPS,
      CHECK_IN,
    ]);
  });

  test.each([
    "2026-06-08",
    "2026-06-12",
    "2026-06-13",
    "2026-06-14",
    "2026-08-31",
    "2026-12-31",
    "2028-02-29",
  ])("reconnecting from %s: business days, at most two a day, a check-in that ends", (today) => {
    const plan = buildPlan({ theirName: "Sam", situation: "casual", channel: "text" }, today, PLAN_STEPS);
    expect(allDays(plan).filter(isWeekend)).toEqual([]);
    expect(mostOnOneDay(plan.steps.map((s) => s.date))).toBeLessThanOrEqual(2);
    expect(plan.steps.at(-1)?.recurrence?.count).toBe(4);
  });

  test("a step ticked on a weekend keeps that day; the next one is counted from it", () => {
    const steps = timeline({
      situation: "reference",
      today: "2026-06-20",
      neededBy: "2026-07-10",
      done: { asked: "2026-06-13" },
    });
    expect(steps.slice(0, 2)).toEqual([
      { step: "asked", date: "2026-06-13" },
      { step: "agreed", date: "2026-06-17" },
    ]);
  });

  // From 1901 to 2099 weekdays repeat every 28 years, so these 28 cover every start in that span.
  test("the first check-in is 3 days early (the 28th) to 11 days late, whatever the day three months on", () => {
    let earliest = 0;
    let latest = 0;
    for (let day = "2001-01-01"; day < "2029-01-01"; day = addDays(day, 1)) {
      const [checkIn] = timeline({
        situation: "casual",
        today: day,
        done: { firstMessage: day, nudge: day, meet: day },
      }).slice(-1);
      const late = daysBetween(addMonths(day, 3), checkIn?.date ?? "");
      earliest = Math.min(earliest, late);
      latest = Math.max(latest, late);
    }
    expect([earliest, latest]).toEqual([-3, 11]);
  });
});
