/**
 * The one rule for reading a calendar date: "YYYY-MM-DD", a day that exists. Import it from
 * dates.ts, which re-exports it. It is a file of its own so that a page that only shows a typed
 * date in words (every template page, through fields.ts) loads these few lines and not the
 * business-day arithmetic, which would put template pages over their JavaScript budget
 * (tests/build/build-output.test.ts). astro.config.ts puts it in the island-core chunk, so the
 * pages that need it do not pay for a file of its own.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Milliseconds at UTC midnight of the date, or undefined when it is not a real date. */
export function toUtcMs(date: string): number | undefined {
  // ECMA-262 reads a date-only ISO string as UTC midnight (§21.4.3.2). A day past the end of
  // its month (2026-02-30) rolls over into the next, which the round trip catches.
  const ms = ISO_DATE.test(date) ? Date.parse(date) : NaN;
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(date) ? ms : undefined;
}
