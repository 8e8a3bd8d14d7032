/**
 * The outreach timeline: the day of each step of asking for a reference, or of reconnecting. One
 * function for the planner (nothing done yet) and the tracker (some steps ticked, each on the day
 * it was ticked), so the same request gets the same days on both pages. Pure: `today` is passed
 * in.
 *
 * Each step is counted from the step before it (the day planned for it, or the day it was
 * ticked) and, for a reference, from the day it is needed by. That is why the two pages agree:
 * ticking each step on the day the plan gave it leaves every later day as the plan had it.
 *
 * The rules, here and nowhere else:
 * - a step is never before the step before it;
 * - every step lands on a business day, Monday to Friday, the first one included (on a weekend,
 *   the plan starts on Monday). Public holidays differ by country and are not skipped;
 * - at most two steps share a day, so a close deadline never piles up one day: a third step
 *   moves to the next business day;
 * - the check-in repeats CHECK_IN_COUNT times, every CHECK_IN_MONTHS months, each time on a
 *   business day (see checkInStart), and says when it ends.
 * A ticked step keeps the day it was ticked, weekend or not: that is when it happened.
 */
import {
  addBusinessDays,
  addDays,
  addMonths,
  firstBusinessDay,
  isWeekend,
  maxDate,
  minDate,
  type IsoDate,
} from "./dates.ts";
import {
  CHECK_IN_COUNT,
  CHECK_IN_MONTHS,
  FOLLOW_UP_BUSINESS_DAYS,
  MEET_AFTER_BUSINESS_DAYS,
  NUDGE_AFTER_BUSINESS_DAYS,
  OUTCOME_AFTER_DAYS,
} from "./outreach.ts";
import { CHECK_IN, type OutreachStep, type Situation } from "./vocabulary.ts";

/** How the check-in repeats, in the terms of an RFC 5545 RRULE (calendar.ts writes it). */
export interface Repeat {
  readonly frequency: "monthly";
  readonly interval: number;
  readonly count: number;
  /** The day of the last check-in, so the end can be shown. */
  readonly until: IsoDate;
}

export interface TimelineStep {
  readonly step: OutreachStep;
  readonly date: IsoDate;
  /** Set on the check-in, the one step that repeats. */
  readonly repeat?: Repeat;
}

export interface TimelineInput {
  readonly situation: Situation;
  /** Today: the first step falls on it (or on the Monday after) until it is done. */
  readonly today: IsoDate;
  /** For a reference: the day it is needed by. */
  readonly neededBy?: IsoDate | undefined;
  /** The day each finished step was ticked. */
  readonly done?: Readonly<Partial<Record<OutreachStep, IsoDate>>> | undefined;
}

/** A step's day, before the rules above: from the day of the step before it, and the deadline. */
type Rule = (before: IsoDate, due: IsoDate) => IsoDate;
type Steps = readonly [readonly [OutreachStep, Rule], ...(readonly [OutreachStep, Rule])[]];

const dayBefore = (due: IsoDate): IsoDate => addBusinessDays(due, -1);

/**
 * RFC 5545 §3.3.10: a monthly recurrence whose day of the month does not exist in a month (the
 * 31st in April) is skipped, not moved, so a check-in from the 29th, 30th or 31st would silently
 * miss quarters. It starts no later than the 28th, which every month has.
 */
const LAST_DAY_IN_EVERY_MONTH = 28;
const dayOfMonth = (date: IsoDate): number => Number(date.slice(8));

/** Three months after the step before, or the 28th of that month when that is later. */
const checkIn: Rule = (before) => {
  const date = addMonths(before, CHECK_IN_MONTHS);
  return dayOfMonth(date) > LAST_DAY_IN_EVERY_MONTH ? `${date.slice(0, 8)}${LAST_DAY_IN_EVERY_MONTH}` : date;
};

/** Asking for a reference; the first step's rule gets the day the timeline starts. */
const REFERENCE: Steps = [
  ["asked", (start) => start],
  // A reply within about 3 business days, squeezed in before the deadline when time is short,
  // but never on the day you asked.
  [
    "agreed",
    (asked, due) =>
      maxDate(
        addBusinessDays(asked, 1),
        minDate(addBusinessDays(asked, FOLLOW_UP_BUSINESS_DAYS), dayBefore(due)),
      ),
  ],
  // The packet the business day after their yes, before the deadline if there is time.
  ["packetSent", (agreed, due) => minDate(addBusinessDays(agreed, 1), dayBefore(due))],
  // The heads-up the business day before they are contacted; thanks the business day after.
  ["headsUp", (_, due) => dayBefore(due)],
  ["thanked", (_, due) => addBusinessDays(due, 1)],
  ["toldOutcome", (_, due) => addDays(due, OUTCOME_AFTER_DAYS)],
  [CHECK_IN, checkIn],
];

/** Reconnecting for its own sake. */
const CASUAL: Steps = [
  ["firstMessage", (start) => start],
  ["nudge", (first) => addBusinessDays(first, NUDGE_AFTER_BUSINESS_DAYS)],
  ["meet", (nudge) => addBusinessDays(nudge, MEET_AFTER_BUSINESS_DAYS)],
  [CHECK_IN, checkIn],
];

const lastCheckIn = (start: IsoDate): IsoDate => addMonths(start, (CHECK_IN_COUNT - 1) * CHECK_IN_MONTHS);

/**
 * The first day on or after `date` the check-in can start on. It repeats on the same day of the
 * month, a different weekday each quarter, so it starts on the first day (by the 28th) that is a
 * business day in every quarter it repeats in. So the first check-in is between 3 days before
 * (the 28th) and 11 days after three months on: tests/unit/timeline.test.ts checks every start
 * from 1901 to 2099.
 */
function checkInStart(date: IsoDate): IsoDate {
  let start = date;
  const weekendInAQuarter = () =>
    Array.from({ length: CHECK_IN_COUNT }, (_, i) => addMonths(start, i * CHECK_IN_MONTHS)).some(isWeekend);
  while (dayOfMonth(start) > LAST_DAY_IN_EVERY_MONTH || weekendInAQuarter()) start = addDays(start, 1);
  return start;
}

/** Every step of the timeline for `input.situation`, in order, with its day. */
export function timeline(input: TimelineInput): TimelineStep[] {
  const rules = input.situation === "reference" ? REFERENCE : CASUAL;
  const done = input.done ?? {};
  const start = done[rules[0][0]] ?? firstBusinessDay(input.today);
  // A deadline already past when you ask counts as that day: the plan still starts now.
  const due = maxDate(input.neededBy ?? start, start);
  const days: IsoDate[] = [];
  return rules.map(([step, rule]) => {
    const before = days.at(-1) ?? start;
    const fit = step === CHECK_IN ? checkInStart : firstBusinessDay;
    let date = done[step];
    if (date === undefined) {
      date = fit(maxDate(rule(before, due), before));
      // Days only go forward, so a day with two steps already has them as the last two.
      while (days.at(-1) === date && days.at(-2) === date) date = fit(addDays(date, 1));
    }
    days.push(date);
    return step === CHECK_IN
      ? {
          step,
          date,
          repeat: {
            frequency: "monthly",
            interval: CHECK_IN_MONTHS,
            count: CHECK_IN_COUNT,
            until: lastCheckIn(date),
          },
        }
      : { step, date };
  });
}
