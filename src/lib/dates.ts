/**
 * Plain calendar dates ("2026-12-11"), with no time of day and no time zone. A plan says "on
 * Friday": that day must not move when the reader's clock crosses midnight in UTC, so dates are
 * kept as strings and the arithmetic below runs on a UTC calendar that never sees a time zone.
 * The only place a time zone matters is `localToday`, which reads the reader's own wall clock.
 *
 * The arithmetic takes dates in the range (isIsoDate: 1900 to 2199). A date from outside it,
 * such as 9999-12-31, is refused where it is read (a date field, a file, stored data), never
 * clamped here: counted on, it would soon need a fifth digit of year that no date can have.
 * tests/unit/dates-properties.test.ts checks that every date counted from the range stays one
 * with four.
 */

import { isIsoDate, toUtcMs, YEARS } from "./iso-date.ts";

/** A calendar date as "YYYY-MM-DD" (the ISO 8601 extended calendar date, RFC 3339 full-date). */
export type IsoDate = string;

// What a date is, and its range: one rule, in a small file of its own (see iso-date.ts for why).
export { FIRST_DATE, isIsoDate, LAST_DATE, toUtcMs, YEARS } from "./iso-date.ts";

const DAY_MS = 86_400_000;

function msOf(date: IsoDate): number {
  const ms = toUtcMs(date);
  if (ms === undefined) throw new RangeError(`Not a calendar date (expected YYYY-MM-DD): "${date}"`);
  return ms;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

function fromParts(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function fromUtcMs(ms: number): IsoDate {
  const d = new Date(ms);
  return fromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * What a date field says when its value is not a date in range: `missing` (the field's own
 * words, e.g. "Enter the date the reference is needed by.") when it is empty, else the range. A
 * date field's value is always a real date, so a value there is one outside the range; the
 * field itself shows what was typed.
 */
export function dateError(value: string, missing: string): string | undefined {
  if (value.trim() === "") return missing;
  return isIsoDate(value) ? undefined : `Enter a date from ${YEARS}.`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(msOf(date) + days * DAY_MS);
}

/** 0 for Sunday to 6 for Saturday, as Date#getDay. */
export function weekday(date: IsoDate): number {
  return new Date(msOf(date)).getUTCDay();
}

export function isWeekend(date: IsoDate): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

/**
 * Moves `days` business days (Monday to Friday) forward, or back when negative. Weekends are
 * skipped and never counted, so 3 business days after a Friday is the Wednesday, and 1 business
 * day after a Saturday is the Monday. Public holidays differ by country and are not skipped.
 */
export function addBusinessDays(date: IsoDate, days: number): IsoDate {
  const step = days < 0 ? -1 : 1;
  let left = Math.abs(Math.trunc(days));
  // Checked up front so that a bad date fails even when there is nothing to add.
  let current = fromUtcMs(msOf(date));
  while (left > 0) {
    current = addDays(current, step);
    if (!isWeekend(current)) left -= 1;
  }
  return current;
}

/** The date itself when it is a business day, otherwise the Monday after. */
export function firstBusinessDay(date: IsoDate): IsoDate {
  return isWeekend(date) ? addBusinessDays(date, 1) : date;
}

/**
 * The same day `months` later, or the month's last day when it is shorter (31 January plus one
 * month is 28 or 29 February).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const d = new Date(msOf(date));
  const monthIndex = d.getUTCFullYear() * 12 + d.getUTCMonth() + Math.trunc(months);
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromParts(year, month + 1, Math.min(d.getUTCDate(), lastDay));
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((msOf(to) - msOf(from)) / DAY_MS);
}

/** The earlier of two dates (YYYY-MM-DD dates with four-digit years sort as strings). */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/**
 * Today's date on the reader's wall clock at the instant `now`, in the runtime's own time zone
 * (the browser's). Never `now.toISOString().slice(0, 10)`: that is the date in UTC, which is
 * already tomorrow in the Americas every evening and still yesterday in Asia every morning.
 */
export function localToday(now: Date): IsoDate {
  return fromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Today's date at the instant `now` in an IANA time zone such as "America/Los_Angeles". */
export function todayInTimeZone(now: Date, timeZone: string): IsoDate {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return fromParts(part("year"), part("month"), part("day"));
}

/**
 * The date in words for a locale, with the year, e.g. "Friday, 11 December 2026" (en-GB) or
 * "Friday, December 11, 2026" (en-US). Formatted in UTC, the same calendar the arithmetic uses,
 * so it never shows the day before west of Greenwich.
 */
export function formatLongDate(date: IsoDate, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(msOf(date)));
}

/** "20261211": the DATE value form of RFC 5545 §3.3.4. */
export function compactDate(date: IsoDate): string {
  return date.replaceAll("-", "");
}
