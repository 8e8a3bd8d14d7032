/**
 * The one rule for reading a calendar date: "YYYY-MM-DD", a day that exists, in the range below.
 * Import it from dates.ts, which re-exports it. It is a file of its own so that a page that only
 * shows a typed date in words (every template page, through fields.ts) loads these few lines and
 * not the business-day arithmetic, which would put template pages over their JavaScript budget
 * (tests/build/build-output.test.ts). astro.config.ts puts it in the island-core chunk, so the
 * pages that need it do not pay for a file of its own.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The days a person can type, keep or import: 1 January 1900 to 31 December 2199.
 * - A reference is needed by a day in someone's working life and a step is ticked on the day it
 *   is done: decades from now at most, never centuries. So a date outside is a slip to catch
 *   where it is typed: a date field takes years from 0001 to 275760 ("0026" for 2026, an extra
 *   digit), and 9999-12-31 is the "never" of many systems.
 * - The timeline counts at most about 13 months on from its dates (the outcome two weeks after,
 *   then four check-ins a quarter apart), so everything computed from a date in range is still a
 *   date with a four-digit year, as YYYY-MM-DD, RFC 5545's DATE and a date field's value need
 *   (tests/unit/dates-properties.test.ts checks it for every kind of input).
 * - From 1900 on, every calendar app, Intl and ical.js agree on the Gregorian calendar.
 */
export const FIRST_DATE = "1900-01-01";
export const LAST_DATE = "2199-12-31";
/** The range in words, for messages (plain text, so it costs a page nothing until used). */
export const YEARS = "1900 to 2199";
const IN_RANGE = /^(19|2[01])\d\d-/;

/**
 * Milliseconds at UTC midnight of a real YYYY-MM-DD date, in range or not, or undefined. The
 * arithmetic in dates.ts reads dates with it; whether a date is in range is isIsoDate's question.
 */
export function toUtcMs(date: string): number | undefined {
  // ECMA-262 reads a date-only ISO string as UTC midnight (§21.4.3.2). A day past the end of
  // its month (2026-02-30) rolls over into the next, which the round trip catches.
  const ms = ISO_DATE.test(date) ? Date.parse(date) : NaN;
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(date) ? ms : undefined;
}

/**
 * True for a date a person may type, keep or import: a real day written YYYY-MM-DD ("2026-02-30"
 * is not one), from FIRST_DATE to LAST_DATE.
 */
export function isIsoDate(value: unknown): value is string {
  // The years FIRST_DATE to LAST_DATE span, as a pattern: shorter in the widget's bundle than two
  // date strings compared (tests/unit/dates.test.ts holds the two to the same boundaries).
  return typeof value === "string" && IN_RANGE.test(value) && toUtcMs(value) !== undefined;
}
